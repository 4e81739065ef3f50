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
import { type GroupStep, type ParamsArg, Optimizer, type Resolved } from '../optimizer.js';
import type { Scalar } from '../schedule.js';
import { assertAdamLike, assertNonNegative } from '../validate.js';

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

export type AdamSState = { t: number; m: Float32Array; v: Float32Array; vMax: Float32Array | null };

/** (L1)–(L3) for one tensor; returns Σ v̂ over its elements (for L4). */
export function adamSMoments(g: Float32Array, s: AdamSState, h: Resolved<AdamSOptions>): number {
  const c2 = 1 - h.beta2 ** s.t;
  let sum = 0;
  for (let i = 0; i < g.length; i++) {
    s.m[i] = h.beta1 * s.m[i] + (1 - h.beta1) * g[i]; // (L1)
    s.v[i] = h.beta2 * s.v[i] + (1 - h.beta2) * g[i] * g[i]; // (L2)
    if (s.vMax) s.vMax[i] = Math.max(s.vMax[i], s.v[i]);
    sum += (s.vMax ? s.vMax[i] : s.v[i]) / c2; // (L3)
  }
  return sum;
}

/** (L5) for one tensor, given √v̄. */
export function adamSApply(w: Float32Array, s: AdamSState, h: Resolved<AdamSOptions>, sqrtVBar: number): void {
  const c1 = 1 - h.beta1 ** s.t;
  const c2 = 1 - h.beta2 ** s.t;
  const keep = h.weightDecay !== 0 ? 1 - (h.lr * h.weightDecay) / sqrtVBar : 1;
  for (let i = 0; i < w.length; i++) {
    const vt = s.vMax ? s.vMax[i] : s.v[i];
    w[i] = w[i] * keep - (h.lr * (s.m[i] / c1)) / (Math.sqrt(vt / c2) + h.eps); // (L5)
  }
}

/** Adam with the scheduled weight decay of Xie et al. */
export class AdamS extends Optimizer<AdamSOptions, AdamSState> {
  /** Optimizer-wide floor for v̄ (0 = none: v̄ = 0 with λ ≠ 0 is an error). */
  readonly vbarFloor: number;
  private lastSqrtVBar = Number.NaN;

  constructor(params: ParamsArg<AdamSOptions>, options: Partial<AdamSOptions> & { vbarFloor?: number } = {}) {
    const { vbarFloor = 0, ...rest } = options;
    super('AdamS', params, { ...ADAMS_DEFAULTS, ...rest });
    assertNonNegative('AdamS', 'vbarFloor (floor of v̄)', vbarFloor);
    this.vbarFloor = vbarFloor;
  }

  protected initState(p: Parameter, h: Resolved<AdamSOptions>): AdamSState {
    return { t: 0, m: new Float32Array(p.size), v: new Float32Array(p.size), vMax: h.amsgrad ? new Float32Array(p.size) : null };
  }

  /** Two passes: every moment first (L1–L3), then v̄ (L4), then every weight (L5). */
  protected override applyStep(groups: readonly GroupStep<AdamSOptions>[]): void {
    const live: Array<{ p: Parameter; s: AdamSState; h: Resolved<AdamSOptions>; index: number }> = [];
    let sum = 0;
    let count = 0;
    for (const { group, h, index } of groups) {
      for (const p of group.params) {
        const g = this.gradOf(p);
        if (g === null) continue; // no gradient: not in v̄, not decayed
        const s = this.stateFor(p, h);
        if (h.amsgrad && !s.vMax) s.vMax = s.v.slice(); // (impl) amsgrad switched on mid-run
        if (!h.amsgrad) s.vMax = null;
        s.t++;
        sum += adamSMoments(g, s, h);
        count += p.size;
        live.push({ p, s, h, index });
      }
    }
    if (count === 0) return;
    let vBar = sum / count; // (L4)
    if (this.vbarFloor > 0) vBar = Math.max(vBar, this.vbarFloor);
    const sqrtVBar = Math.sqrt(vBar);
    this.lastSqrtVBar = sqrtVBar;
    const decaying = live.find((x) => x.h.weightDecay !== 0);
    if (decaying && !(sqrtVBar > 0 && Number.isFinite(sqrtVBar))) {
      throw new RangeError(
        `AdamS: v̄ (mean of v̂ over all parameters) is ${vBar} while weightDecay (λ) = ${decaying.h.weightDecay} in group ${decaying.index}; ` +
          'the decay η·λ/√v̄ is undefined (all gradients zero so far?). Set the vbarFloor option (a small positive number) to allow it',
      );
    }
    for (const { p, s, h } of live) adamSApply(p.data, s, h, sqrtVBar);
  }

  protected update(): void {
    throw new Error('AdamS: internal — every update goes through the two-pass applyStep');
  }

  protected validate(h: Resolved<AdamSOptions>, where: string): void {
    assertAdamLike(where, h);
  }

  protected override ruleFor(_p: Parameter, h: Resolved<AdamSOptions>): string {
    return `AdamS (scheduled decay λ=${h.weightDecay}/√v̄${h.amsgrad ? ', AMSGrad' : ''})`;
  }

  protected override extraDiagnostics(): Record<string, unknown> {
    return { sqrtVBar: this.lastSqrtVBar };
  }
}
