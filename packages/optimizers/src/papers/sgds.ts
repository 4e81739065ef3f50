/**
 * SGDS: SGD with scheduled (stable) weight decay.
 *
 * Paper:  Z. Xie, Z. Xu, J. Zhang, I. Sato, M. Sugiyama. "On the Overlooked Pitfalls of Weight Decay
 *         and How to Mitigate Them: A Gradient-Norm Perspective." NeurIPS 2023; arXiv:2011.11152.
 *         SGDS has no algorithm box in the paper's text: the lines below restate the authors' code
 *         (zeke-xie/stable-weight-decay-regularization@e0abb1d, swd_optim/sgds.py).
 * Page:   docs/papers/adams-sgds.md#sgds-algorithm — the same (Lk) numbers; defaults with sources.
 *
 * Algorithm (notation → identifier here):
 *   input  η → lr, μ → momentum, τ → dampening, λ → weightDecay
 *   (L1)   θ ← θ·(1 − ((1 − τ)/(1 − μ))·η·λ)          decay rescaled by the momentum's gain 1/(1 − μ)
 *   (L2)   b ← g on the first step, else μ·b + (1 − τ)·g   (raw gradient: no L2)
 *   (L3)   d ← g + μ·b (Nesterov) or d ← b
 *   (L4)   θ ← θ − η·d
 *
 * Deviations: μ = 1 is an error (the reference divides by zero).
 *
 * Reduces to (tests in test/papers/sgds.test.ts): SGD when λ = 0 (S1); SGD with L2 when μ = τ = 0 (S2).
 */
import type { Parameter } from '@gapkit/autodiff';
import { type SgdOptions, type SgdState, sgdDirectionAt, sgdState, validateSgd } from '../baselines/sgd.js';
import type { OptimizerOptions, ParamsArg, Resolved } from '../optimizer.js';
import { TensorwiseOptimizer } from '../tensorwise.js';
import { assertInRange } from '../validate.js';
import { sgdsUpdateFast } from './sgds-fast.js';

export type SgdsOptions = Omit<SgdOptions, 'maximize'>;

/** SWD demo setting: lr 0.1, momentum 0.9, λ 5e-4 (paper App. B.1; docs/papers/adams-sgds.md#defaults). */
export const SGDS_DEFAULTS: SgdsOptions = { lr: 0.1, momentum: 0.9, dampening: 0, weightDecay: 5e-4, nesterov: false };

/** (L1) the decay multiplier 1 − ((1−τ)/(1−μ))·η·λ. */
export function sgdsDecayFactor(h: Resolved<SgdsOptions>): number {
  return 1 - ((1 - h.dampening) / (1 - h.momentum)) * h.lr * h.weightDecay;
}

/** One SGDS step on raw buffers. */
export function sgdsUpdate(w: Float32Array, g: Float32Array, s: SgdState, h: Resolved<SgdsOptions>): void {
  const keep = h.weightDecay !== 0 ? sgdsDecayFactor(h) : 1;
  const hs = { ...h, maximize: false };
  for (let i = 0; i < w.length; i++) {
    const d = sgdDirectionAt(s, i, g[i], hs); // (L2)–(L3)
    w[i] = w[i] * keep - h.lr * d; // (L1), (L4)
  }
  if (h.momentum !== 0) s.hasBuf = true;
}

/** SGD with scheduled weight decay. */
export class Sgds extends TensorwiseOptimizer<SgdsOptions, SgdState> {
  constructor(params: ParamsArg<SgdsOptions>, options: OptimizerOptions<SgdsOptions> = {}) {
    super('SGDS', params, SGDS_DEFAULTS, options);
  }
  protected initState(p: Parameter): SgdState {
    return sgdState(p.size);
  }
  protected update(p: Parameter, g: Float32Array, s: SgdState, h: Resolved<SgdsOptions>): void {
    sgdsUpdateFast(p.data, g, s, h); // sgdsUpdate above as one loop, options in locals (sgds-fast.ts)
  }
  protected validate(h: Resolved<SgdsOptions>, where: string): void {
    validateSgd({ ...h, maximize: false }, where);
    assertInRange(where, 'momentum (μ) of SGDS', h.momentum, { value: 0 }, { value: 1, open: true });
  }
  protected override ruleFor(_p: Parameter, h: Resolved<SgdsOptions>): string {
    return `SGDS (decay ×${sgdsDecayFactor(h)} per step, momentum ${h.momentum})`;
  }
}
