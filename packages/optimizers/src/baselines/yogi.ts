/**
 * Yogi (Zaheer et al., "Adaptive Methods for Nonconvex Optimization", NeurIPS 2018), as in
 * jettify/pytorch-optimizer's yogi.py (docs/papers/baselines.md#yogi;
 * which implementation the scheduled-weight-decay paper used is unknown). Both moments start at
 * `initialAccumulator`, so a zero gradient still moves the weights (G6 does not hold).
 *
 *   (L1) d ← g + λ·θ
 *   (L2) m ← β₁·m + (1 − β₁)·d
 *   (L3) v ← v − (1 − β₂)·sign(v − d²)·d²
 *   (L4) θ ← θ − (η/(1 − β₁ᵗ))·m/(√v/√(1 − β₂ᵗ) + ε)
 *
 * Symbols → identifiers: η → lr, β₁ → beta1, β₂ → beta2, ε → eps, λ → weightDecay, the moments' start
 * value → initialAccumulator; m, v → state m, v.
 * Deviations: none from torch-optimizer (its lr default 1e-2 is kept; see the page).
 */
import type { Parameter } from '@gapkit/autodiff';
import type { OptimizerOptions, ParamsArg, Resolved } from '../optimizer.js';
import { TensorwiseOptimizer } from '../tensorwise.js';
import type { Scalar } from '../schedule.js';
import { assertAdamLike, assertNonNegative } from '../validate.js';

export interface YogiOptions {
  /** η ≥ 0. Default 1e-2 (torch-optimizer; the SWD paper probably used 1e-3, docs/papers/baselines.md#yogi). */
  lr: Scalar;
  /** β₁ ∈ [0, 1). Default 0.9. */
  beta1: Scalar;
  /** β₂ ∈ [0, 1). Default 0.999. */
  beta2: Scalar;
  /** ε ≥ 0. Default 1e-3. */
  eps: Scalar;
  /** λ ≥ 0, L2. Default 0. */
  weightDecay: Scalar;
  /** Initial value of m and v (≥ 0). Default 1e-6. */
  initialAccumulator: number;
}

export const YOGI_DEFAULTS: YogiOptions = { lr: 1e-2, beta1: 0.9, beta2: 0.999, eps: 1e-3, weightDecay: 0, initialAccumulator: 1e-6 };

export type YogiState = { t: number; m: Float32Array; v: Float32Array };

/** One Yogi step on raw buffers (s.t already advanced). */
export function yogiUpdate(w: Float32Array, g: Float32Array, s: YogiState, h: Resolved<YogiOptions>): void {
  const c1 = 1 - h.beta1 ** s.t;
  const c2 = Math.sqrt(1 - h.beta2 ** s.t);
  for (let i = 0; i < w.length; i++) {
    const d = g[i] + h.weightDecay * w[i]; // (L1)
    const d2 = d * d;
    s.m[i] = h.beta1 * s.m[i] + (1 - h.beta1) * d; // (L2)
    s.v[i] = s.v[i] - (1 - h.beta2) * Math.sign(s.v[i] - d2) * d2; // (L3)
    w[i] -= ((h.lr / c1) * s.m[i]) / (Math.sqrt(s.v[i]) / c2 + h.eps); // (L4)
  }
}

/** Yogi. */
export class Yogi extends TensorwiseOptimizer<YogiOptions, YogiState> {
  constructor(params: ParamsArg<YogiOptions>, options: OptimizerOptions<YogiOptions> = {}) {
    super('Yogi', params, YOGI_DEFAULTS, options);
  }
  protected initState(p: Parameter, h: Resolved<YogiOptions>): YogiState {
    return { t: 0, m: new Float32Array(p.size).fill(h.initialAccumulator), v: new Float32Array(p.size).fill(h.initialAccumulator) };
  }
  protected update(p: Parameter, g: Float32Array, s: YogiState, h: Resolved<YogiOptions>): void {
    yogiUpdate(p.data, g, s, h);
  }
  protected validate(h: Resolved<YogiOptions>, where: string): void {
    assertAdamLike(where, h);
    assertNonNegative(where, 'initialAccumulator', h.initialAccumulator);
  }
}
