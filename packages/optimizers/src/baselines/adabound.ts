/**
 * AdaBound (Luo et al., "Adaptive Gradient Methods with Dynamic Bound of Learning Rate", ICLR 2019,
 * arXiv:1902.09843), as in the authors' code Luolc/AdaBound (docs/papers/baselines.md#adabound): Adam
 * whose per-element step is clipped into bounds that converge to `finalLr` (a baseline of the
 * scheduled-weight-decay paper's Table 1).
 *
 *   (L1) d ← g + λ·θ                                       (L2 weight decay)
 *   (L2) m ← β₁·m + (1 − β₁)·d ;  v ← β₂·v + (1 − β₂)·d²   (AMSBound: ṽ ← max(ṽ, v))
 *   (L3) s = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ) ;  η* = finalLr·η/η_init
 *   (L4) lower = η*·(1 − 1/(γt + 1)) ;  upper = η*·(1 + 1/(γt))
 *   (L5) θ ← θ − clip(s/(√ṽ + ε), lower, upper)·m
 * (The paper's extra 1/√t factor is not in the code, nor here.)
 *
 * Symbols → identifiers: η → lr, β₁ → beta1, β₂ → beta2, ε → eps, λ → weightDecay, finalLr → finalLr,
 * γ → gamma, η_init → initialLr, AMSBound → amsbound; m, v, ṽ → state m, v, vMax.
 * Deviations: none from the authors' code. Reduces to: an Adam-like ε-hat first step while the bounds
 * do not bind (test/baselines/adabound-yogi-radam.test.ts).
 */
import type { Parameter } from '@gapkit/autodiff';
import type { OptimizerOptions, ParamsArg, Resolved } from '../optimizer.js';
import { runningMaxFor } from '../running-max.js';
import { TensorwiseOptimizer } from '../tensorwise.js';
import { type Scalar, scheduleAt } from '../schedule.js';
import { assertAdamLike, assertPositive } from '../validate.js';

export interface AdaBoundOptions {
  /** η ≥ 0. Default 1e-3. */
  lr: Scalar;
  /** β₁ ∈ [0, 1). Default 0.9. */
  beta1: Scalar;
  /** β₂ ∈ [0, 1). Default 0.999. */
  beta2: Scalar;
  /** The SGD-like lr the bounds converge to (> 0). Default 0.1. */
  finalLr: Scalar;
  /** γ > 0, convergence speed of the bounds. Default 1e-3. */
  gamma: Scalar;
  /** ε ≥ 0. Default 1e-8. */
  eps: Scalar;
  /** λ ≥ 0, L2. Default 0. */
  weightDecay: Scalar;
  /** AMSBound: use the running max of v. Default false. */
  amsbound: boolean;
  /** η_init (> 0), the lr finalLr is relative to. Default null: the group's lr at construction. */
  initialLr: number | null;
}

export const ADABOUND_DEFAULTS: AdaBoundOptions = {
  lr: 1e-3,
  beta1: 0.9,
  beta2: 0.999,
  finalLr: 0.1,
  gamma: 1e-3,
  eps: 1e-8,
  weightDecay: 0,
  amsbound: false,
  initialLr: null,
};

export type AdaBoundState = { t: number; m: Float32Array; v: Float32Array; vMax: Float32Array | null };

/** One AdaBound step on raw buffers (s.t already advanced). */
export function adaBoundUpdate(w: Float32Array, g: Float32Array, s: AdaBoundState, h: Resolved<AdaBoundOptions>): void {
  const t = s.t;
  const step = (h.lr * Math.sqrt(1 - h.beta2 ** t)) / (1 - h.beta1 ** t); // (L3)
  const final = (h.finalLr * h.lr) / (h.initialLr ?? h.lr);
  const lower = final * (1 - 1 / (h.gamma * t + 1)); // (L4)
  const upper = final * (1 + 1 / (h.gamma * t));
  for (let i = 0; i < w.length; i++) {
    const d = g[i] + h.weightDecay * w[i]; // (L1)
    s.m[i] = h.beta1 * s.m[i] + (1 - h.beta1) * d; // (L2)
    s.v[i] = h.beta2 * s.v[i] + (1 - h.beta2) * d * d;
    let vt = s.v[i];
    if (s.vMax) {
      s.vMax[i] = Math.max(s.vMax[i], vt);
      vt = s.vMax[i];
    }
    const a = Math.min(Math.max(step / (Math.sqrt(vt) + h.eps), lower), upper);
    w[i] -= a * s.m[i]; // (L5)
  }
}

/** AdaBound / AMSBound. */
export class AdaBound extends TensorwiseOptimizer<AdaBoundOptions, AdaBoundState> {
  constructor(params: ParamsArg<AdaBoundOptions>, options: OptimizerOptions<AdaBoundOptions> = {}) {
    super('AdaBound', params, ADABOUND_DEFAULTS, options);
    this.groups.forEach((g, gi) => {
      if (g.options.initialLr === null) g.options.initialLr = scheduleAt(g.options.lr, 0);
      assertPositive(this.where(gi), 'initialLr (η_init)', g.options.initialLr);
    });
  }
  protected initState(p: Parameter, h: Resolved<AdaBoundOptions>): AdaBoundState {
    return { t: 0, m: new Float32Array(p.size), v: new Float32Array(p.size), vMax: h.amsbound ? new Float32Array(p.size) : null };
  }
  protected update(p: Parameter, g: Float32Array, s: AdaBoundState, h: Resolved<AdaBoundOptions>): void {
    s.vMax = runningMaxFor(s.vMax, s.v, h.amsbound);
    adaBoundUpdate(p.data, g, s, h);
  }
  protected validate(h: Resolved<AdaBoundOptions>, where: string): void {
    assertAdamLike(where, h);
    assertPositive(where, 'finalLr', h.finalLr);
    assertPositive(where, 'gamma (γ)', h.gamma);
  }
}
