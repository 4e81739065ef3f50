/**
 * AdamS: Adam with scheduled (stable) weight decay.
 *
 * Paper:  Z. Xie, Z. Xu, J. Zhang, I. Sato, M. Sugiyama. "On the Overlooked Pitfalls of Weight Decay
 *         and How to Mitigate Them: A Gradient-Norm Perspective." NeurIPS 2023; arXiv:2011.11152
 *         (NeurIPS version), Algorithm 2 / Eq. 9. The available text lost its formulas: the lines below
 *         were recovered from its prose and the authors' code
 *         (zeke-xie/stable-weight-decay-regularization@e0abb1d, swd_optim/adams.py).
 * Page:   docs/papers/adams-sgds.md — the box below with the same (Lk) numbers, the variants, every
 *         deviation and the defaults with their sources.
 *
 * Algorithm (paper notation → identifier here):
 *   input  η_t → lr, β₁ → beta1, β₂ → beta2, ε → eps, λ → weightDecay
 *   pass 1, every tensor with a gradient, every group:
 *   (L1)   m_t ← β₁·m_{t−1} + (1 − β₁)·g_t                      → s.m
 *   (L2)   v_t ← β₂·v_{t−1} + (1 − β₂)·g_t²                     → s.v   (AMSGrad: s.vMax ← max(s.vMax, v))
 *   (L3)   m̂_t = m_t/(1 − β₁ᵗ);  v̂_t = v_t/(1 − β₂ᵗ)
 *   (L4)   v̄_t = mean of every element of v̂_t over the whole model  → vBar
 *   pass 2, every tensor with a gradient:
 *   (L5)   θ_t ← θ_{t−1} − (η·λ/√v̄_t)·θ_{t−1} − η·m̂_t/(√v̂_t + ε)
 *
 * Deviations:
 *   - v̄ = 0 with λ ≠ 0 is an error (the reference divides by zero) unless `vbarFloor` > 0, which
 *     replaces v̄ by max(v̄, vbarFloor) (the paper suggests a small constant for full-batch training).
 *   - AMSGrad is read per group in both passes (the reference's second pass reuses the last group's flag).
 *
 * Reduces to (tests in test/papers/adams.test.ts):
 *   - Adam when λ = 0 (G1, A1); one step equals AdamW with λ_W = λ/√v̄_t (A4).
 */
import type { Parameter } from '@gapkit/autodiff';
import { assertOptionsObject, type GroupStep, Optimizer, type OptimizerOptions, type ParamsArg, type Resolved } from '../optimizer.js';
import type { Scalar } from '../schedule.js';
import { runningMaxFor } from '../running-max.js';
import { assertAdamLike, assertNonNegative } from '../validate.js';
import { OptimizerError } from '../errors.js';
import { adamSSecondMomentSumFast, adamSUpdateFast } from './adams-fast.js';

export interface AdamSOptions {
  /** η ≥ 0. Default 1e-3 (paper App. B.1; the authors' demo). */
  lr: Scalar;
  /** β₁ ∈ [0, 1). Default 0.9. */
  beta1: Scalar;
  /** β₂ ∈ [0, 1). Default 0.999. */
  beta2: Scalar;
  /** ε ≥ 0, added to √v̂. Default 1e-8. */
  eps: Scalar;
  /** λ ≥ 0. Default 5e-4 (the paper's experiments; the authors' class default is 1e-4). */
  weightDecay: Scalar;
  /** Use the running max of v (v̂ and v̄ from it). Default false. */
  amsgrad: boolean;
}

export const ADAMS_DEFAULTS: AdamSOptions = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 5e-4, amsgrad: false };

/** Optimizer-wide AdamS settings. */
export interface AdamSSettings {
  /** Floor of v̄ (≥ 0). Default 0 = none: v̄ = 0 with λ ≠ 0 is an error (docs/papers/adams-sgds.md#deviations). */
  vbarFloor: number;
}

export const ADAMS_SETTINGS_DEFAULTS: AdamSSettings = { vbarFloor: 0 };

export type AdamSState = { t: number; m: Float32Array; v: Float32Array; vMax: Float32Array | null };

/**
 * (L2)–(L3) without writing anything: Σ v̂_t over the tensor's elements for the step about to be taken
 * (t = s.t, already advanced), from the float32 values (L2) will store — so v̄ (L4), and the v̄ = 0
 * check, come before any state changes. `vMax` is the running max the step will use (null: plain v).
 */
export function adamSSecondMomentSum(g: Float32Array, s: AdamSState, vMax: Float32Array | null, h: Resolved<AdamSOptions>): number {
  const c2 = 1 - h.beta2 ** s.t;
  let sum = 0;
  for (let i = 0; i < g.length; i++) {
    let v = Math.fround(h.beta2 * s.v[i] + (1 - h.beta2) * g[i] * g[i]); // (L2), as stored
    if (vMax) v = Math.max(vMax[i], v);
    sum += v / c2; // (L3)
  }
  return sum;
}

/** (L1), (L2) and (L5) for one tensor, given √v̄: the moments, then the weights, element by element. */
export function adamSUpdate(w: Float32Array, g: Float32Array, s: AdamSState, h: Resolved<AdamSOptions>, sqrtVBar: number): void {
  const c1 = 1 - h.beta1 ** s.t;
  const c2 = 1 - h.beta2 ** s.t;
  const keep = h.weightDecay !== 0 ? 1 - (h.lr * h.weightDecay) / sqrtVBar : 1;
  for (let i = 0; i < w.length; i++) {
    s.m[i] = h.beta1 * s.m[i] + (1 - h.beta1) * g[i]; // (L1)
    s.v[i] = h.beta2 * s.v[i] + (1 - h.beta2) * g[i] * g[i]; // (L2)
    if (s.vMax) s.vMax[i] = Math.max(s.vMax[i], s.v[i]);
    const vt = s.vMax ? s.vMax[i] : s.v[i];
    w[i] = w[i] * keep - (h.lr * (s.m[i] / c1)) / (Math.sqrt(vt / c2) + h.eps); // (L5)
  }
}

/** Adam with the scheduled weight decay of Xie et al. */
export class AdamS extends Optimizer<AdamSOptions, AdamSState> {
  /** Optimizer-wide floor for v̄ (0 = none: v̄ = 0 with λ ≠ 0 is an error). */
  readonly vbarFloor: number;
  private lastSqrtVBar = Number.NaN;

  constructor(params: ParamsArg<AdamSOptions>, options: OptimizerOptions<AdamSOptions> & Partial<AdamSSettings> = {}) {
    assertOptionsObject('AdamS', options);
    const { vbarFloor = ADAMS_SETTINGS_DEFAULTS.vbarFloor, ...rest } = options;
    super('AdamS', params, ADAMS_DEFAULTS, rest, Object.keys(ADAMS_SETTINGS_DEFAULTS));
    assertNonNegative('AdamS', 'vbarFloor (floor of v̄)', vbarFloor);
    this.vbarFloor = vbarFloor;
  }

  protected initState(p: Parameter, h: Resolved<AdamSOptions>): AdamSState {
    return { t: 0, m: new Float32Array(p.size), v: new Float32Array(p.size), vMax: h.amsgrad ? new Float32Array(p.size) : null };
  }

  /**
   * v̄ over every tensor with a gradient in every group first (L2)–(L4), read-only, so that v̄ = 0 with
   * λ ≠ 0 is refused before anything changes; then each tensor's moments and weights (L1), (L2), (L5).
   */
  protected applyStep(groups: readonly GroupStep<AdamSOptions, AdamSState>[]): void {
    let sum = 0;
    let count = 0;
    for (const { h, live } of groups) {
      for (const { p, g, s } of live) {
        sum += adamSSecondMomentSumFast(g, s, h.amsgrad ? (s.vMax ?? s.v) : null, h); // adamSSecondMomentSum, options in locals (adams-fast.ts)
        count += p.size;
      }
    }
    if (count === 0) return;
    let vBar = sum / count; // (L4)
    if (this.vbarFloor > 0) vBar = Math.max(vBar, this.vbarFloor);
    const sqrtVBar = Math.sqrt(vBar);
    const decaying = groups.find((x) => x.live.length > 0 && x.h.weightDecay !== 0);
    if (decaying && !(sqrtVBar > 0 && Number.isFinite(sqrtVBar))) {
      throw new OptimizerError(
        `AdamS: step ${this.steps + 1}: v̄ (mean of v̂ over all parameters) is ${vBar} while weightDecay (λ) = ${decaying.h.weightDecay} in group ${decaying.index}; ` +
          'the decay η·λ/√v̄ is undefined (all gradients zero so far?); nothing was changed. Set the vbarFloor option (a small positive number) to allow it',
      );
    }
    this.lastSqrtVBar = sqrtVBar;
    for (const { h, live } of groups) {
      for (const { p, g, s } of live) {
        s.vMax = runningMaxFor(s.vMax, s.v, h.amsgrad);
        adamSUpdateFast(p.data, g, s, h, sqrtVBar); // adamSUpdate above, options in locals (adams-fast.ts)
      }
    }
  }

  protected validate(h: Resolved<AdamSOptions>, where: string): void {
    assertAdamLike(where, h);
  }

  protected override ruleFor(_p: Parameter, h: Resolved<AdamSOptions>): string {
    return `AdamS (scheduled decay λ=${h.weightDecay}/√v̄${h.amsgrad ? ', AMSGrad' : ''})`;
  }

  protected override describeSettings(): Record<string, unknown> {
    return { vbarFloor: this.vbarFloor };
  }

  protected override extraDiagnostics(): Record<string, unknown> {
    return { sqrtVBar: this.lastSqrtVBar };
  }
}
