/**
 * The base optimizers LAWN wraps (docs/papers/lawn.md), each an object built from that optimizer's own
 * pure update functions: its state, its plain step (the free phase, and unconstrained tensors), and
 * how it turns the projected gradient into a direction (L4) and a step size (L6) in the constrained
 * phase. lawn.ts holds the algorithm box and never branches on the base's name.
 */
import { type AdamState, adamDirectionAt, adamMomentsAt, adamState, adamUpdate } from '../baselines/adam.js';
import { type LambState, lambDirection, lambUpdate, trustRatio } from '../baselines/lamb.js';
import { type SgdState, sgdDirectionAt, sgdState, sgdUpdate } from '../baselines/sgd.js';
import { norm } from '../math.js';
import type { Resolved } from '../optimizer.js';
import type { LawnOptions } from './lawn.js';
import type { LawnBase } from './lawn-settings.js';

/** What LAWN needs from the optimizer it wraps. */
export interface LawnBaseRule<S> {
  readonly base: LawnBase;
  /** Whether ε enters the step (an ε of 0 can then give 0/0). */
  readonly usesEps: boolean;
  /** Fresh state for a tensor of `size` elements. */
  initState(size: number): S;
  /** (L1) the base's plain step with no weight decay; `scratch` is float64 of the tensor's size. */
  freeStep(w: Float32Array, g: Float32Array, s: S, h: Resolved<LawnOptions>, scratch: Float64Array): void;
  /** (L4) updates the base's moments with the projected gradient `gp` and writes its direction into `r`. */
  direction(gp: Float64Array, s: S, h: Resolved<LawnOptions>, r: Float64Array): void;
  /** (L6) the step size for the twice-projected direction `r` at the pre-step weights `w`. */
  stepSize(w: Float32Array, r: Float64Array, h: Resolved<LawnOptions>): number;
}

/** Adam-LAWN (Algorithm 1): Adam with PyTorch's ε placement, no AMSGrad, no weight decay. */
export const ADAM_BASE: LawnBaseRule<AdamState> = {
  base: 'adam',
  usesEps: true,
  initState: (size) => adamState(size, false),
  freeStep(w, g, s, h) {
    adamUpdate(w, g, s, { ...h, weightDecay: 0, weightDecayMode: 'l2', amsgrad: false });
  },
  direction(gp, s, h, r) {
    const c1 = 1 - h.beta1 ** s.t;
    const c2 = Math.sqrt(1 - h.beta2 ** s.t);
    const ha = { ...h, amsgrad: false }; // (impl) built once per tensor, not per element: 40× faster
    for (let i = 0; i < gp.length; i++) {
      adamMomentsAt(s, i, gp[i], ha);
      r[i] = adamDirectionAt(s, i, ha, c1, c2);
    }
  },
  stepSize: (_w, _r, h) => h.lr,
};

/** LAMB-LAWN (not in the paper): LAMB's trust-ratio step with φ = identity and no weight decay. */
export const LAMB_BASE: LawnBaseRule<LambState> = {
  base: 'lamb',
  usesEps: true,
  initState: (size) => ({ t: 0, m: new Float32Array(size), v: new Float32Array(size) }),
  freeStep(w, g, s, h, scratch) {
    lambUpdate(w, g, s, { ...h, weightDecay: 0 }, scratch);
  },
  direction(gp, s, h, r) {
    lambDirection(gp, s, { ...h, weightDecay: 0 }, r);
  },
  stepSize: (w, r, h) => h.lr * trustRatio(norm(w), norm(r)),
};

/** SGD-LAWN: PyTorch SGD momentum (no dampening, no weight decay); the buffer is fed the projected gradient. */
export const SGD_BASE: LawnBaseRule<SgdState> = {
  base: 'sgd',
  usesEps: false,
  initState: (size) => sgdState(size),
  freeStep(w, g, s, h) {
    sgdUpdate(w, g, s, { ...h, dampening: 0, weightDecay: 0, maximize: false });
  },
  direction(gp, s, h, r) {
    const hs = { ...h, dampening: 0, weightDecay: 0, maximize: false };
    for (let i = 0; i < gp.length; i++) r[i] = sgdDirectionAt(s, i, gp[i], hs);
    if (h.momentum !== 0) s.hasBuf = true;
  },
  stepSize: (_w, _r, h) => h.lr,
};

/** The state of any LAWN base. */
export type LawnState = AdamState | LambState | SgdState;

/** The base rule of each `base` setting. */
export const LAWN_BASES: Readonly<Record<LawnBase, LawnBaseRule<LawnState>>> = { adam: ADAM_BASE, lamb: LAMB_BASE, sgd: SGD_BASE };
