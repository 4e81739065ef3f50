/**
 * RAdam (Liu et al., "On the Variance of the Adaptive Learning Rate and Beyond", ICLR 2020,
 * arXiv:1908.03265), as in the authors' code LiyuanLucasLiu/RAdam (docs/papers/baselines.md#radam):
 * Adam whose adaptive step is switched on only once the variance of the adaptive lr is tractable.
 *
 *   (L1) m ← β₁·m + (1 − β₁)·g ;  v ← β₂·v + (1 − β₂)·g²
 *   (L2) ρ∞ = 2/(1 − β₂) − 1 ;  ρ_t = ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ)
 *   (L3) ρ_t ≥ 5: r = √[(1−β₂ᵗ)(ρ_t−4)(ρ_t−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρ_t)]/(1 − β₁ᵗ);
 *        θ ← θ·(1 − λη) ;  θ ← θ − η·r·m/(√v + ε)
 *   (L4) else, with degeneratedToSgd: θ ← θ·(1 − λη) ;  θ ← θ − η·m/(1 − β₁ᵗ)
 *   (L5) else: no change (the moments still move)
 * The code's "≥ 5" test makes steps 1–5 no-ops at β₂ = 0.999 (the paper's "ρ_t > 4" would update at t = 5).
 *
 * Symbols → identifiers: η → lr, β₁ → beta1, β₂ → beta2, ε → eps, λ → weightDecay (decoupled),
 * degenerated_to_sgd → degeneratedToSgd; m, v → state m, v.
 * Deviations: none from the authors' code. Invariant G9 (test/baselines/adabound-yogi-radam.test.ts).
 */
import type { Parameter } from '@gapkit/autodiff';
import type { OptimizerOptions, ParamsArg, Resolved } from '../optimizer.js';
import { TensorwiseOptimizer } from '../tensorwise.js';
import type { Scalar } from '../schedule.js';
import { assertAdamLike } from '../validate.js';

export interface RAdamOptions {
  /** η ≥ 0. Default 1e-3. */
  lr: Scalar;
  /** β₁ ∈ [0, 1). Default 0.9. */
  beta1: Scalar;
  /** β₂ ∈ [0, 1). Default 0.999. */
  beta2: Scalar;
  /** ε ≥ 0, added to √v. Default 1e-8. */
  eps: Scalar;
  /** λ ≥ 0, decoupled (θ·(1 − λη)), applied only on steps that update. Default 0. */
  weightDecay: Scalar;
  /** Take an SGD-momentum step while ρ_t < 5. Default false (current repo). */
  degeneratedToSgd: boolean;
}

export const RADAM_DEFAULTS: RAdamOptions = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, degeneratedToSgd: false };

export type RAdamState = { t: number; m: Float32Array; v: Float32Array };

/** ρ_t of (L2). */
export function radamRho(beta2: number, t: number): number {
  const rhoInf = 2 / (1 - beta2) - 1;
  return rhoInf - (2 * t * beta2 ** t) / (1 - beta2 ** t);
}

/** One RAdam step on raw buffers (s.t already advanced). */
export function radamUpdate(w: Float32Array, g: Float32Array, s: RAdamState, h: Resolved<RAdamOptions>): void {
  const t = s.t;
  for (let i = 0; i < w.length; i++) {
    s.m[i] = h.beta1 * s.m[i] + (1 - h.beta1) * g[i]; // (L1)
    s.v[i] = h.beta2 * s.v[i] + (1 - h.beta2) * g[i] * g[i];
  }
  const rhoInf = 2 / (1 - h.beta2) - 1;
  const rho = radamRho(h.beta2, t); // (L2)
  const c1 = 1 - h.beta1 ** t;
  const keep = 1 - h.weightDecay * h.lr;
  if (rho >= 5) {
    const r = Math.sqrt(((1 - h.beta2 ** t) * (rho - 4) * (rho - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rho)) / c1; // (L3)
    for (let i = 0; i < w.length; i++) w[i] = w[i] * keep - (h.lr * r * s.m[i]) / (Math.sqrt(s.v[i]) + h.eps);
  } else if (h.degeneratedToSgd) {
    for (let i = 0; i < w.length; i++) w[i] = w[i] * keep - (h.lr * s.m[i]) / c1; // (L4)
  } // (L5): otherwise no change
}

/** Rectified Adam. */
export class RAdam extends TensorwiseOptimizer<RAdamOptions, RAdamState> {
  constructor(params: ParamsArg<RAdamOptions>, options: OptimizerOptions<RAdamOptions> = {}) {
    super('RAdam', params, RADAM_DEFAULTS, options);
  }
  protected initState(p: Parameter): RAdamState {
    return { t: 0, m: new Float32Array(p.size), v: new Float32Array(p.size) };
  }
  protected update(p: Parameter, g: Float32Array, s: RAdamState, h: Resolved<RAdamOptions>): void {
    radamUpdate(p.data, g, s, h);
  }
  protected validate(h: Resolved<RAdamOptions>, where: string): void {
    assertAdamLike(where, h);
  }
}
