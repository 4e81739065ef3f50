/**
 * Padam: partially adaptive momentum estimation.
 *
 * Paper:  J. Chen, D. Zhou, Y. Tang, Z. Yang, Y. Cao, Q. Gu. "Closing the Generalization Gap of
 *         Adaptive Gradient Methods in Training Deep Neural Networks." IJCAI 2020; arXiv:1806.06763,
 *         read as its ICLR 2019 submission ("Padam: …"), Algorithm 1, §5, App. C.
 *         Authors' code: uclaml/Padam@586a02b, Padam.py and the CIFAR scripts.
 * Page:   docs/papers/padam.md — the box below with the same (Lk) numbers, the variants, every
 *         deviation and the defaults with their sources.
 *
 * Algorithm 1 (paper notation → identifier here):
 *   input  α_t → lr, β₁ → beta1, β₂ → beta2, p → p, ε → eps (code only), λ → weightDecay (L2, code only)
 *   (L0)   g_t ← g_t + λ·θ_t                                  (code: L2 folded into the gradient)
 *   (L1)   m_t = β₁·m_{t−1} + (1 − β₁)·g_t                   → s.m
 *   (L2)   v_t = β₂·v_{t−1} + (1 − β₂)·g_t²                  → s.v
 *   (L3)   v̂_t = max(v̂_{t−1}, v_t)                           → s.vHat (raw v, no bias correction)
 *   (L4)   θ_{t+1} = θ_t − α_t · m_t / v̂_t^p                 → w, with the bias correction below
 *
 * Bias correction (`biasCorrection`, docs/papers/padam.md#variants):
 *   'code' (default; authors' code, every table): θ ← θ − α·√(1−β₂ᵗ)/(1−β₁ᵗ) · m/(√v̂ + ε)^{2p}
 *   'none' (Algorithm 1 as printed, plus ε):      θ ← θ − α · m/(√v̂ + ε)^{2p}
 *   'consistent' (commit edcf85c, reverted):     θ ← θ − α·(1−β₂ᵗ)^p/(1−β₁ᵗ) · m/(√v̂ + ε)^{2p}
 *
 * Deviations from Algorithm 1 (each has a test that sets it back):
 *   - ε is added to √v̂ *inside* the power: (√v̂ + ε)^{2p} (code). ε = 0 with 'none' gives Alg. 1 exactly.
 *   - Bias correction √(1−β₂ᵗ)/(1−β₁ᵗ) for every p (code; §5.2 of the paper says "as in Adam").
 *   - No projection Π (the paper uses it only for the theory; its experiments skip it too).
 *   - `amsgrad: false` replaces v̂ by v (code option; Alg. 1 always takes the max).
 *   - p = 0 is allowed (the paper states p ∈ (0, ½]; gapkit allows [0, ½]).
 *
 * Reduces to (tests in test/papers/padam.test.ts):
 *   - AMSGrad (ε-hat form) when p = ½; PyTorch AMSGrad exactly when also ε = 0  (P1)
 *   - SGD-momentum with lr α(1−β₁), dampening 0, when p = 0 and biasCorrection 'none'  (P2)
 */
import type { Parameter } from '@gapkit/autodiff';
import type { OptimizerOptions, ParamsArg, Resolved } from '../optimizer.js';
import { runningMaxFor } from '../running-max.js';
import { padamUpdateFast } from './padam-fast.js';
import { TensorwiseOptimizer } from '../tensorwise.js';
import type { Scalar } from '../schedule.js';
import { assertAdamLike, assertInRange, assertOneOf } from '../validate.js';

/** Which bias correction the step uses (see the header). */
export type PadamBiasCorrection = 'code' | 'none' | 'consistent';

export interface PadamOptions {
  /** α_t ≥ 0, base step size. Paper setting 0.1 (App. C.2; code scripts). */
  lr: Scalar;
  /** p ∈ [0, ½], partial adaptive parameter. ½ = AMSGrad, 0 = SGD-momentum. Paper setting 1/8 (§5.3, App. C.2). */
  p: Scalar;
  /** β₁ ∈ [0, 1). Paper setting 0.9. */
  beta1: Scalar;
  /** β₂ ∈ [0, 1). Paper setting 0.999 (App. C.2). */
  beta2: Scalar;
  /** ε ≥ 0, added to √v̂ inside the power (code). Default 1e-8. */
  eps: Scalar;
  /** λ ≥ 0, L2 added to the gradient. Paper setting 5e-4 (CIFAR, App. C.2). */
  weightDecay: Scalar;
  /** Keep the running max v̂ (L3). Code default true. */
  amsgrad: boolean;
  /** Default 'code'. */
  biasCorrection: PadamBiasCorrection;
}

/** Defaults of docs/papers/padam.md#defaults (the paper's CIFAR setting, the code's update). */
export const PADAM_DEFAULTS: PadamOptions = {
  lr: 0.1,
  p: 0.125,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  weightDecay: 5e-4,
  amsgrad: true,
  biasCorrection: 'code',
};

/** m, v: moments; vHat: running max of the raw v (null with amsgrad off). */
export type PadamState = { t: number; m: Float32Array; v: Float32Array; vHat: Float32Array | null };

/** The step-size factor multiplying α for the chosen bias correction (impl: once per tensor). */
export function padamStepFactor(h: Resolved<PadamOptions>, t: number): number {
  switch (h.biasCorrection) {
    case 'code':
      return Math.sqrt(1 - h.beta2 ** t) / (1 - h.beta1 ** t);
    case 'consistent':
      return (1 - h.beta2 ** t) ** h.p / (1 - h.beta1 ** t);
    case 'none':
      return 1;
  }
}

/** One Padam step on raw buffers (s.t already advanced). */
export function padamUpdate(w: Float32Array, g: Float32Array, s: PadamState, h: Resolved<PadamOptions>): void {
  const step = h.lr * padamStepFactor(h, s.t);
  const twoP = 2 * h.p;
  for (let i = 0; i < w.length; i++) {
    const gi = g[i] + h.weightDecay * w[i]; // (L0)
    s.m[i] = h.beta1 * s.m[i] + (1 - h.beta1) * gi; // (L1)
    s.v[i] = h.beta2 * s.v[i] + (1 - h.beta2) * gi * gi; // (L2)
    let vt = s.v[i];
    if (s.vHat) vt = s.vHat[i] = Math.max(s.vHat[i], vt); // (L3)
    w[i] -= (step * s.m[i]) / (Math.sqrt(vt) + h.eps) ** twoP; // (L4), ε inside the power: see Deviations
  }
}

/** Partially adaptive momentum estimation. */
export class Padam extends TensorwiseOptimizer<PadamOptions, PadamState> {
  constructor(params: ParamsArg<PadamOptions>, options: OptimizerOptions<PadamOptions> = {}) {
    super('Padam', params, PADAM_DEFAULTS, options);
  }
  protected initState(p: Parameter, h: Resolved<PadamOptions>): PadamState {
    return { t: 0, m: new Float32Array(p.size), v: new Float32Array(p.size), vHat: h.amsgrad ? new Float32Array(p.size) : null };
  }
  protected update(p: Parameter, g: Float32Array, s: PadamState, h: Resolved<PadamOptions>): void {
    s.vHat = runningMaxFor(s.vHat, s.v, h.amsgrad);
    padamUpdateFast(p.data, g, s, h); // padamUpdate above as one fused loop without Math.pow (padam-fast.ts)
  }
  protected validate(h: Resolved<PadamOptions>, where: string): void {
    assertAdamLike(where, h, 'lr (α)');
    assertInRange(where, 'p (partial adaptive parameter)', h.p, { value: 0 }, { value: 0.5 });
    assertOneOf(where, 'biasCorrection', h.biasCorrection, ['code', 'none', 'consistent']);
  }
  protected override ruleFor(_p: Parameter, h: Resolved<PadamOptions>): string {
    return `Padam p=${h.p} (bias correction '${h.biasCorrection}'${h.amsgrad ? ', max v' : ''}, L2 λ=${h.weightDecay})`;
  }
}
