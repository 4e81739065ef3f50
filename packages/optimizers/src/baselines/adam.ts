/**
 * Adam (Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, arXiv:1412.6980) with L2
 * or decoupled weight decay and the AMSGrad option — PyTorch semantics (docs/papers/baselines.md#adam,
 * #two-epsilon-conventions): ε is added to √v̂ = √v/√(1−β₂ᵗ); AMSGrad keeps
 * the max of the *raw* v and bias-corrects it with the current t.
 *
 *   (L0) θ ← θ·(1 − η·λ)                          decoupled mode only (AdamW), before everything
 *   (L1) d ← g + λ·θ                              l2 mode only
 *   (L2) m ← β₁·m + (1 − β₁)·d
 *   (L3) v ← β₂·v + (1 − β₂)·d²
 *   (L4) ṽ ← max(ṽ, v) with AMSGrad, else ṽ = v
 *   (L5) θ ← θ − η · (m/(1 − β₁ᵗ)) / (√ṽ/√(1 − β₂ᵗ) + ε)
 *
 * Symbols → identifiers: η → lr, β₁ → beta1, β₂ → beta2, ε → eps, λ → weightDecay (weightDecayMode
 * 'l2' | 'decoupled'), AMSGrad → amsgrad; m, v, ṽ → state m, v, vMax.
 * Deviations: none from PyTorch. Reduces to (test/baselines/adam.test.ts, test/papers/adams.test.ts):
 * AdamW and AdamS with λ = 0 (G1); AMSGrad under non-decreasing |g| (G5).
 */
import type { Parameter } from '@gapkit/autodiff';
import type { OptimizerOptions, ParamsArg, Resolved } from '../optimizer.js';
import { runningMaxFor } from '../running-max.js';
import { TensorwiseOptimizer } from '../tensorwise.js';
import type { Scalar } from '../schedule.js';
import { assertAdamLike } from '../validate.js';
import { OptimizerError, show } from '../errors.js';
import { adamUpdateFast } from './adam-fast.js';

/** How λ acts: added to the gradient, or θ ← θ·(1 − η·λ) before the step (docs/papers/baselines.md#conventions-shared-by-every-optimizer). */
export type WeightDecayMode = 'l2' | 'decoupled';

export interface AdamOptions {
  /** η ≥ 0, learning rate. Default 1e-3 (Kingma & Ba). */
  lr: Scalar;
  /** β₁ ∈ [0, 1). Default 0.9. */
  beta1: Scalar;
  /** β₂ ∈ [0, 1). Default 0.999. */
  beta2: Scalar;
  /** ε ≥ 0, added to √v̂. Default 1e-8. */
  eps: Scalar;
  /** λ ≥ 0. Default 0 (Adam), 1e-2 (AdamW). */
  weightDecay: Scalar;
  /** 'l2' (Adam) or 'decoupled' (AdamW). */
  weightDecayMode: WeightDecayMode;
  /** Keep the running max of v (Reddi et al.; PyTorch form). */
  amsgrad: boolean;
}

export const ADAM_DEFAULTS: AdamOptions = {
  lr: 1e-3,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  weightDecay: 0,
  weightDecayMode: 'l2',
  amsgrad: false,
};

/** m, v: moments; vMax: AMSGrad's running max of v (null without AMSGrad). */
export type AdamState = { t: number; m: Float32Array; v: Float32Array; vMax: Float32Array | null };

/** The hyperparameters the Adam moments and direction need. */
export type AdamCore = Pick<Resolved<AdamOptions>, 'beta1' | 'beta2' | 'eps' | 'amsgrad'>;

/** Fresh Adam state for a tensor of `size` elements. */
export function adamState(size: number, amsgrad: boolean): AdamState {
  return { t: 0, m: new Float32Array(size), v: new Float32Array(size), vMax: amsgrad ? new Float32Array(size) : null };
}

/** (L2)–(L4) for element i with gradient d. */
export function adamMomentsAt(s: AdamState, i: number, d: number, h: AdamCore): void {
  s.m[i] = h.beta1 * s.m[i] + (1 - h.beta1) * d; // (L2)
  s.v[i] = h.beta2 * s.v[i] + (1 - h.beta2) * d * d; // (L3)
  if (s.vMax) s.vMax[i] = Math.max(s.vMax[i], s.v[i]); // (L4)
}

/**
 * The direction r_i = m̂_i / (√ṽ_i/√(1−β₂ᵗ) + ε) of (L5), with c1 = 1 − β₁ᵗ and c2 = √(1 − β₂ᵗ)
 * computed once per tensor by the caller.
 */
export function adamDirectionAt(s: AdamState, i: number, h: AdamCore, c1: number, c2: number): number {
  const vt = s.vMax ? s.vMax[i] : s.v[i];
  return s.m[i] / c1 / (Math.sqrt(vt) / c2 + h.eps);
}

/** Validation shared by the Adam family. */
export function validateAdam(h: Resolved<AdamOptions>, where: string): void {
  assertAdamLike(where, h);
  if (h.weightDecayMode !== 'l2' && h.weightDecayMode !== 'decoupled') {
    throw new OptimizerError(`${where}: weightDecayMode must be 'l2' or 'decoupled', got ${show(h.weightDecayMode)}`);
  }
}

/** One Adam / AdamW / AMSGrad step on raw buffers (s.t already advanced). */
export function adamUpdate(w: Float32Array, g: Float32Array, s: AdamState, h: Resolved<AdamOptions>): void {
  const c1 = 1 - h.beta1 ** s.t;
  const c2 = Math.sqrt(1 - h.beta2 ** s.t);
  const l2 = h.weightDecayMode === 'l2' ? h.weightDecay : 0;
  const keep = h.weightDecayMode === 'decoupled' ? 1 - h.lr * h.weightDecay : 1;
  for (let i = 0; i < w.length; i++) {
    const wi = w[i];
    const d = g[i] + l2 * wi; // (L1)
    adamMomentsAt(s, i, d, h); // (L2)–(L4)
    w[i] = Math.fround(wi * keep) - h.lr * adamDirectionAt(s, i, h, c1, c2); // (L0), (L5)
  }
}

/** Adam (Kingma & Ba 2015) with PyTorch's L2 weight decay; AdamW and AMSGrad share this rule. */
export class Adam extends TensorwiseOptimizer<AdamOptions, AdamState> {
  constructor(params: ParamsArg<AdamOptions>, options: OptimizerOptions<AdamOptions> = {}, name = 'Adam', defaults: AdamOptions = ADAM_DEFAULTS) {
    super(name, params, defaults, options);
  }
  protected initState(p: Parameter, h: Resolved<AdamOptions>): AdamState {
    return adamState(p.size, h.amsgrad);
  }
  protected update(p: Parameter, g: Float32Array, s: AdamState, h: Resolved<AdamOptions>): void {
    s.vMax = runningMaxFor(s.vMax, s.v, h.amsgrad);
    adamUpdateFast(p.data, g, s, h); // adamUpdate above as one fused loop (adam-fast.ts)
  }
  protected validate(h: Resolved<AdamOptions>, where: string): void {
    validateAdam(h, where);
  }
  protected override ruleFor(_p: Parameter, h: Resolved<AdamOptions>): string {
    const decay = h.weightDecay === 0 ? 'no decay' : h.weightDecayMode === 'l2' ? `L2 λ=${h.weightDecay}` : `decoupled λ=${h.weightDecay}`;
    return `${h.amsgrad ? 'AMSGrad' : 'Adam'} (${decay})`;
  }
}
