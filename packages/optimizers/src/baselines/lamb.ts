/**
 * LAMB (You et al., "Large Batch Optimization for Deep Learning: Training BERT in 76 minutes", ICLR 2020,
 * arXiv:1904.00962, final version; docs/papers/baselines.md#lamb).
 * One layer ℓ = one parameter tensor.
 *
 *   (L1) m ← β₁·m + (1 − β₁)·g ;  v ← β₂·v + (1 − β₂)·g²
 *   (L2) r = m̂/(√v̂ + ε)  with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)   (biasCorrection: false → m/(√v + ε))
 *   (L3) u = r + λ·θ
 *   (L4) θ ← θ − η·φ(‖θ‖)/‖u‖ · u      (trust ratio 1 when ‖θ‖ = 0 or ‖u‖ = 0)
 *
 * Variants: default = paper (bias-corrected, φ = identity); `biasCorrection: false` with
 * `phi: 'min10'` (φ(z) = min(z, 10)) is the widely used v3 reference (cybertronai/pytorch-lamb).
 *
 * Symbols → identifiers: η → lr, β₁ → beta1, β₂ → beta2, ε → eps, λ → weightDecay, φ → phi,
 * bias correction → biasCorrection; m, v → state m, v.
 * Invariant G10 (test/baselines/lamb.test.ts): ‖Δθ‖ = η·φ(‖θ‖) whatever the gradient scale.
 */
import type { Parameter } from '@gapkit/autodiff';
import { norm } from '../math.js';
import type { OptimizerOptions, ParamsArg, Resolved } from '../optimizer.js';
import { TensorwiseOptimizer } from '../tensorwise.js';
import type { Scalar } from '../schedule.js';
import { assertAdamLike } from '../validate.js';
import { OptimizerError, show } from '../errors.js';
import { lambUpdateFast } from './lamb-fast.js';

/** φ, the trust-ratio scaling of ‖θ‖: identity (paper) or min(‖θ‖, 10) (v3 reference). */
export type LambPhi = 'identity' | 'min10';

export interface LambOptions {
  /** η ≥ 0. Default 1e-3. */
  lr: Scalar;
  /** β₁ ∈ [0, 1). Default 0.9. */
  beta1: Scalar;
  /** β₂ ∈ [0, 1). Default 0.999. */
  beta2: Scalar;
  /** ε ≥ 0. Default 1e-6 (paper's BERT setting, docs/papers/baselines.md#lamb). */
  eps: Scalar;
  /** λ ≥ 0, decoupled decay inside the trust-ratio step (L3). Default 0.01 (paper's BERT setting). */
  weightDecay: Scalar;
  /** Bias-correct m and v (paper). False = v3 reference. */
  biasCorrection: boolean;
  /** φ. Default 'identity'. */
  phi: LambPhi;
}

export const LAMB_DEFAULTS: LambOptions = {
  lr: 1e-3,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-6,
  weightDecay: 0.01,
  biasCorrection: true,
  phi: 'identity',
};

export type LambState = { t: number; m: Float32Array; v: Float32Array };

/** φ(z). */
export function lambPhi(phi: LambPhi, z: number): number {
  return phi === 'identity' ? z : Math.min(z, 10);
}

/** (L1)–(L2): updates the moments with `g` and writes r into `out` (float64). */
export function lambDirection(g: ArrayLike<number>, s: LambState, h: Resolved<LambOptions>, out: Float64Array): void {
  const c1 = h.biasCorrection ? 1 - h.beta1 ** s.t : 1;
  const c2 = h.biasCorrection ? 1 - h.beta2 ** s.t : 1;
  for (let i = 0; i < out.length; i++) {
    s.m[i] = h.beta1 * s.m[i] + (1 - h.beta1) * g[i]; // (L1)
    s.v[i] = h.beta2 * s.v[i] + (1 - h.beta2) * g[i] * g[i];
    out[i] = s.m[i] / c1 / (Math.sqrt(s.v[i] / c2) + h.eps); // (L2)
  }
}

/** The trust ratio φ(‖θ‖)/‖u‖, or 1 when either norm is 0. */
export function trustRatio(phiOfW: number, uNorm: number): number {
  return phiOfW > 0 && uNorm > 0 ? phiOfW / uNorm : 1;
}

/** One LAMB step on raw buffers; `u` is float64 scratch of the tensor's size. */
export function lambUpdate(w: Float32Array, g: Float32Array, s: LambState, h: Resolved<LambOptions>, u: Float64Array): void {
  lambDirection(g, s, h, u);
  for (let i = 0; i < w.length; i++) u[i] += h.weightDecay * w[i]; // (L3)
  const ratio = trustRatio(lambPhi(h.phi, norm(w)), norm(u));
  for (let i = 0; i < w.length; i++) w[i] -= h.lr * ratio * u[i]; // (L4)
}

/** Validation of LAMB's hyperparameters. */
export function validateLamb(h: Resolved<LambOptions>, where: string): void {
  assertAdamLike(where, h);
  if (h.phi !== 'identity' && h.phi !== 'min10') throw new OptimizerError(`${where}: phi (φ) must be 'identity' or 'min10', got ${show(h.phi)}`);
}

/** Layer-wise adaptive moments (LAMB). */
export class Lamb extends TensorwiseOptimizer<LambOptions, LambState> {
  private scratch = new Float64Array(0);
  constructor(params: ParamsArg<LambOptions>, options: OptimizerOptions<LambOptions> = {}) {
    super('LAMB', params, LAMB_DEFAULTS, options);
  }
  protected initState(p: Parameter): LambState {
    return { t: 0, m: new Float32Array(p.size), v: new Float32Array(p.size) };
  }
  protected update(p: Parameter, g: Float32Array, s: LambState, h: Resolved<LambOptions>): void {
    if (this.scratch.length < p.size) this.scratch = new Float64Array(p.size);
    lambUpdateFast(p.data, g, s, h, this.scratch.subarray(0, p.size)); // lambUpdate above in two passes (lamb-fast.ts)
  }
  protected validate(h: Resolved<LambOptions>, where: string): void {
    validateLamb(h, where);
  }
  protected override ruleFor(_p: Parameter, h: Resolved<LambOptions>): string {
    return `LAMB (${h.biasCorrection ? 'bias-corrected' : 'no bias correction'}, φ ${h.phi}, λ=${h.weightDecay})`;
  }
}
