/**
 * LAWN: logit attenuating weight normalization, a wrapper around Adam, LAMB or SGD-momentum.
 *
 * Paper:  A. Gupta, R. Ramanath, J. Shi, A. Ramachandran, S. Zhou, M. Zhou, S. S. Keerthi. "Logit
 *         Attenuating Weight Normalization." arXiv:2108.05839 (ICLR 2022 submission), Algorithm 1
 *         (Adam-LAWN), Eqs. 1–3, read without its appendices.
 *         No public code was found: every interpretation choice is listed under Deviations.
 * Page:   docs/papers/lawn.md — the box below with the same (Lk) numbers, the options, every
 *         interpretation choice and the defaults with their sources.
 *
 * Algorithm 1 (paper notation → identifier here):
 *   input  η_t → lr, β₁ → beta1, β₂ → beta2, ε → eps, E_free → freeSteps (or freeEpochs·stepsPerEpoch)
 *   (L1)   steps 1 … E_free: the base optimizer with no weight decay                (free phase)
 *   (L2)   at the switch: c_ℓ ← ‖w_ℓ‖ for every constrained tensor ℓ (Eq. 1)       → this.c
 *   (L3)   g_p ← g − (⟨w, g⟩/‖w‖²)·w                                              (Eq. 3, projectTangent)
 *   (L4)   the base's moments updated with g_p; r ← the base's step direction       (Adam: m̂/(√v̂ + ε))
 *   (L5)   r̂ ← r − (⟨w, r⟩/‖w‖²)·w
 *   (L6)   w ← w − η_t·r̂                       (LAMB: w ← w − η_t·(‖w‖/‖r̂‖)·r̂, trust ratio 1 if a norm is 0)
 *   (L7)   w ← c_ℓ·w/‖w‖
 *
 * Deviations / interpretation choices (docs/papers/lawn.md#deviations-and-interpretation-choices):
 *   - Constrained by default: tensors with role 'weight' (conv and linear weights); `constrainEmbeddings`
 *     adds embeddings, `onlyTag` restricts to a tag (e.g. 'final-homogeneous'), `constrainedParams`
 *     lists names explicitly. Biases and normalization parameters follow the base throughout (invariant L7 of docs/papers/lawn.md#invariants).
 *   - A whole tensor is one vector (layer-wise, not per unit as in ND-Adam).
 *   - Moments and step counters carry over the switch; `resetMomentsAtSwitch` zeroes the constrained
 *     tensors' moments and restarts their bias-correction count at 1.
 *   - c_ℓ is recorded at the first constrained step, before it updates; a tensor with c_ℓ = 0 is
 *     excluded from the constraint and reported in the diagnostics.
 *   - SGD-LAWN: project g, update the momentum buffer with it, project the buffer's step, step, rescale.
 *   - LAMB-LAWN (not written out in the paper): φ = identity, no weight decay.
 *   - ε defaults to 1e-6 for Adam and LAMB bases ("the rest of the adaptive optimizers use 1e-6", paper §4).
 *
 * Reduces to (tests in test/papers/lawn.test.ts): the base optimizer with λ = 0 while free (invariant L1).
 */
import type { Parameter } from '@gapkit/autodiff';
import { type AdamState, adamDirectionAt, adamMomentsAt, adamUpdate } from '../baselines/adam.js';
import { lambDirection, lambUpdate, trustRatio } from '../baselines/lamb.js';
import { type SgdState, sgdDirectionAt, sgdUpdate } from '../baselines/sgd.js';
import { norm, projectTangent } from '../math.js';
import { type GroupStep, type ParamsArg, Optimizer, type Resolved } from '../optimizer.js';
import type { Scalar } from '../schedule.js';
import { assertAdamLike, assertBeta, assertOneOf } from '../validate.js';
import {
  isConstrainedBy,
  LAWN_SETTINGS_DEFAULTS,
  type LawnBase,
  type LawnSettings,
  type ResolvedLawnSettings,
  resolveLawnSettings,
} from './lawn-settings.js';

/** Per-group hyperparameters (the base's, without weight decay). */
export interface LawnOptions {
  /** η_t ≥ 0 (the paper tunes a peak lr with warmup + linear decay, docs/papers/schedules.md). Default 1e-3. */
  lr: Scalar;
  /** β₁ ∈ [0, 1) (adam, lamb). Default 0.9 (paper §4). */
  beta1: Scalar;
  /** β₂ ∈ [0, 1) (adam, lamb). Default 0.999 (paper §4). */
  beta2: Scalar;
  /** ε ≥ 0 (adam, lamb). Default 1e-6 (paper §4). */
  eps: Scalar;
  /** μ ∈ [0, 1) (sgd). Default 0.9 (paper §4). */
  momentum: Scalar;
  /** Nesterov momentum (sgd). Default false. */
  nesterov: boolean;
  /** LAMB: bias-correct the moments. Default true. */
  biasCorrection: boolean;
  /** LAMB free phase: φ. Default 'identity' (the constrained phase always uses identity). */
  phi: 'identity' | 'min10';
}

export const LAWN_DEFAULTS: LawnOptions = {
  lr: 1e-3,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-6,
  momentum: 0.9,
  nesterov: false,
  biasCorrection: true,
  phi: 'identity',
};

/** m: first moment (SGD: momentum buffer); v: second moment (unused by SGD); hasBuf: SGD's buffer exists. */
export type LawnState = { t: number; m: Float32Array; v: Float32Array; hasBuf: number };

const adamView = (s: LawnState): AdamState => ({ t: s.t, m: s.m, v: s.v, vMax: null });
const sgdView = (s: LawnState): SgdState => ({ t: s.t, b: s.m, hasBuf: s.hasBuf });

/** The base's plain step with no weight decay (free phase, and unconstrained tensors). */
export function lawnBaseUpdate(base: LawnBase, w: Float32Array, g: Float32Array, s: LawnState, h: Resolved<LawnOptions>, scratch: Float64Array): void {
  if (base === 'adam') adamUpdate(w, g, adamView(s), { ...h, weightDecay: 0, weightDecayMode: 'l2', amsgrad: false });
  else if (base === 'lamb') lambUpdate(w, g, s, { ...h, weightDecay: 0 }, scratch);
  else {
    sgdUpdate(w, g, sgdView(s), { ...h, dampening: 0, weightDecay: 0, maximize: false });
    if (h.momentum !== 0) s.hasBuf = 1;
  }
}

/**
 * One constrained step (L3)–(L7) on a tensor of target norm c; `gp` and `r` are float64 scratch of
 * the tensor's size. Returns the norm before rescaling.
 */
export function lawnConstrainedUpdate(
  base: LawnBase,
  w: Float32Array,
  g: Float32Array,
  s: LawnState,
  h: Resolved<LawnOptions>,
  c: number,
  gp: Float64Array,
  r: Float64Array,
): number {
  projectTangent(g, w, gp); // (L3)
  if (base === 'adam') {
    const a = adamView(s);
    const c1 = 1 - h.beta1 ** s.t;
    const c2 = Math.sqrt(1 - h.beta2 ** s.t);
    const ha = { ...h, amsgrad: false }; // (impl) built once per tensor, not per element: 40× faster
    for (let i = 0; i < w.length; i++) {
      adamMomentsAt(a, i, gp[i], ha); // (L4)
      r[i] = adamDirectionAt(a, i, ha, c1, c2);
    }
  } else if (base === 'lamb') lambDirection(gp, s, { ...h, weightDecay: 0 }, r); // (L4)
  else {
    const b = sgdView(s);
    const hs = { ...h, dampening: 0, weightDecay: 0, maximize: false };
    for (let i = 0; i < w.length; i++) r[i] = sgdDirectionAt(b, i, gp[i], hs); // (L4)
    if (h.momentum !== 0) s.hasBuf = 1;
  }
  projectTangent(r, w, r); // (L5)
  const scale = base === 'lamb' ? h.lr * trustRatio(norm(w), norm(r)) : h.lr;
  let nn = 0;
  for (let i = 0; i < w.length; i++) {
    r[i] = w[i] - scale * r[i]; // (L6), reusing r for w̄
    nn += r[i] * r[i];
  }
  const n = Math.sqrt(nn);
  const k = n > 0 ? c / n : 1;
  for (let i = 0; i < w.length; i++) w[i] = r[i] * k; // (L7)
  return n;
}

/** LAWN around Adam, LAMB or SGD-momentum. */
export class Lawn extends Optimizer<LawnOptions, LawnState> {
  readonly settings: Readonly<ResolvedLawnSettings>;
  /** c_ℓ by tensor name, recorded at the switch. */
  private c = new Map<string, number>();
  private switched = false;
  private excluded: string[] = [];
  private scratch = { a: new Float64Array(0), b: new Float64Array(0) };

  constructor(params: ParamsArg<LawnOptions>, options: Partial<LawnOptions> & Partial<LawnSettings> = {}) {
    const { base, freeSteps, freeEpochs, stepsPerEpoch, resetMomentsAtSwitch, constrainEmbeddings, onlyTag, constrainedParams, ...rest } = options;
    super(`LAWN(${base ?? LAWN_SETTINGS_DEFAULTS.base})`, params, { ...LAWN_DEFAULTS, ...rest });
    const known = (n: string) => this.params.has(n);
    this.settings = resolveLawnSettings({ base, freeSteps, freeEpochs, stepsPerEpoch, resetMomentsAtSwitch, constrainEmbeddings, onlyTag, constrainedParams }, known);
  }

  /** 'free' before the switch, 'constrained' after. */
  get phase(): 'free' | 'constrained' {
    return this.switched ? 'constrained' : 'free';
  }

  /** Whether the constraint applies to `p` (before exclusions for c = 0). */
  isConstrained(p: Parameter): boolean {
    return isConstrainedBy(this.settings, p);
  }

  /** c_ℓ of every constrained tensor (empty before the switch). */
  targetNorms(): ReadonlyMap<string, number> {
    return this.c;
  }

  protected initState(p: Parameter): LawnState {
    const v = this.settings?.base === 'sgd' ? 0 : p.size;
    return { t: 0, m: new Float32Array(p.size), v: new Float32Array(v), hasBuf: 0 };
  }

  protected override applyStep(groups: readonly GroupStep<LawnOptions>[]): void {
    if (!this.switched && this.steps >= this.settings.freeSteps) {
      for (const { group } of groups) {
        for (const p of group.params) {
          if (!this.isConstrained(p)) continue;
          const c = norm(p.data); // (L2)
          if (c > 0) this.c.set(p.meta.name, c);
          else this.excluded.push(p.meta.name);
          if (this.settings.resetMomentsAtSwitch) this.state.delete(p.meta.name);
        }
      }
      this.switched = true;
    }
    super.applyStep(groups);
  }

  protected update(p: Parameter, g: Float32Array, s: LawnState, h: Resolved<LawnOptions>): void {
    if (this.scratch.a.length < p.size) this.scratch = { a: new Float64Array(p.size), b: new Float64Array(p.size) };
    const a = this.scratch.a.subarray(0, p.size);
    const c = this.switched ? this.c.get(p.meta.name) : undefined;
    if (c === undefined) lawnBaseUpdate(this.settings.base, p.data, g, s, h, a); // (L1)
    else lawnConstrainedUpdate(this.settings.base, p.data, g, s, h, c, a, this.scratch.b.subarray(0, p.size));
  }

  protected validate(h: Resolved<LawnOptions>, where: string): void {
    assertAdamLike(where, h);
    assertBeta(where, 'momentum (μ)', h.momentum);
    if (h.nesterov && h.momentum <= 0) throw new RangeError(`${where}: nesterov requires momentum (μ) > 0, got ${h.momentum}`);
    assertOneOf(where, 'phi (φ)', h.phi, ['identity', 'min10']);
  }

  protected override ruleFor(p: Parameter): string {
    const base = this.settings?.base ?? LAWN_SETTINGS_DEFAULTS.base;
    if (!this.isConstrained(p)) return `${base}, no weight decay (unconstrained)`;
    const c = this.c.get(p.meta.name);
    return `${base}, no weight decay; after step ${this.settings.freeSteps}: projected, ‖w‖ = c${c === undefined ? '' : ` = ${c}`}`;
  }

  protected override extraDiagnostics(): Record<string, unknown> {
    let worst = 0;
    for (const [n, c] of this.c) worst = Math.max(worst, Math.abs(norm(this.params.get(n)!.data) - c) / c);
    return { phase: this.phase, c: Object.fromEntries(this.c), excluded: [...this.excluded], worstNormDrift: worst };
  }

  protected override saveExtra(): Record<string, unknown> {
    return { switched: this.switched, c: Object.fromEntries(this.c), excluded: [...this.excluded] };
  }

  protected override checkExtra(extra: Record<string, unknown>): string[] {
    const c = extra.c;
    if (typeof extra.switched !== 'boolean' || typeof c !== 'object' || c === null || !Array.isArray(extra.excluded)) {
      return ['LAWN extra must hold switched, c and excluded'];
    }
    return Object.entries(c).flatMap(([n, v]) =>
      !this.params.has(n) ? [`c_ℓ for unknown parameter '${n}'`] : typeof v !== 'number' || !(v > 0) ? [`c_ℓ of '${n}' is ${String(v)}`] : [],
    );
  }

  protected override loadExtra(extra: Record<string, unknown>): void {
    this.switched = extra.switched as boolean;
    this.c = new Map(Object.entries(extra.c as Record<string, number>));
    this.excluded = [...(extra.excluded as string[])];
  }
}
