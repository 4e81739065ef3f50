/**
 * ND-Adam: normalized direction-preserving Adam.
 *
 * Paper:  Z. Zhang, L. Ma, Z. Li, C. Wu. "Normalized Direction-preserving Adam." arXiv:1709.04546
 *         (long version), Algorithm 1, Eqs. 8–13; short version: Z. Zhang, "Improved Adam Optimizer for
 *         Deep Neural Networks", IEEE/ACM IWQoS 2018, Alg. 1. Authors' code: zj10/ND-Adam@b4a9d59
 *         (TensorFlow and PyTorch).
 * Page:   docs/papers/nd-adam.md — the box below with the same (Lk) numbers, which tensors are unit
 *         vectors, the variants, every deviation and the defaults with their sources.
 *
 * Algorithm 1 (paper notation → identifier here). θ^v = the units' input vectors w_i: every tensor
 * whose `meta.unitAxes` is set, one unit per index of the other axes. The paper speaks of hidden units;
 * like the authors' code, the model zoo also sets it on the classifier, whose weight rows are then unit
 * vectors. θ^s = everything else.
 *   input  α^v_t → lrVector, α^s_t → lr, β₁ → beta1, β₂ → beta2, ε → eps
 *   (L0)   w_{i,0} ← w_{i,0}/‖w_{i,0}‖                          (normalizeAtInit, at construction)
 *   (L1)   ḡ_t ← ∂L/∂w_i                                        → g (unit slice)
 *   (L2)   g_t ← ḡ_t − ⟨ḡ_t, w_{i,t−1}⟩·w_{i,t−1}               → gp (Eq. 9, tangent projection)
 *   (L3)   m_t ← β₁·m_{t−1} + (1 − β₁)·g_t                       → s.m
 *   (L4)   v_t ← β₂·v_{t−1} + (1 − β₂)·‖g_t‖²                    → s.v[u] (one scalar per unit)
 *   (L5)   m̂_t ← m_t/(1 − β₁ᵗ);  v̂_t ← v_t/(1 − β₂ᵗ)
 *   (L6)   w̄_i ← w_{i,t−1} − α^v_t · m̂_t/(√v̂_t + ε)
 *   (L7)   w_{i,t} ← w̄_i/‖w̄_i‖
 *   (L8)   θ^s ← θ^s − α^s_t · m̂_t/(√v̂_t + ε)                  (Adam, Eq. 3, element-wise)
 *
 * Variants (`variant`, docs/papers/nd-adam.md#variants):
 *   'paper' (default; also the TF code): as above.
 *   'code' (authors' PyTorch code, their WRN table): ε-hat form
 *          w̄ ← w − α·√(1−β₂ᵗ)/(1−β₁ᵗ) · m/(√v + ε) for vectors and scalars; no normalization at build time.
 *
 * Deviations:
 *   - L2 `weightDecay` acts on θ^s only (PyTorch code's scalar group; the paper's TF runs use none).
 *     On θ^v it would be projected out anyway (N5).
 *   - `normalizeAtInit` (default true for 'paper', false for 'code'): the TF and PyTorch codes skip (L0).
 *   - A unit whose norm is 0 is not normalized (never NaN) and is counted in the diagnostics.
 *   - The step counter is per tensor (PyTorch); the TF code keeps one global counter. Equal when
 *     every tensor has a gradient every step.
 *
 * Reduces to (tests in test/papers/nd-adam.test.ts):
 *   - Adam (paper-form ε) when no tensor has unitAxes ('paper'); ε-hat Adam for 'code'  (N7)
 */
import type { Parameter } from '@gapkit/autodiff';
import { gatherUnit, normalizeUnits, scatterUnit, type UnitLayout, unitLayout, unitNorms } from '../math.js';
import type { GroupStep, OptimizerOptions, ParamsArg, Resolved } from '../optimizer.js';
import { TensorwiseOptimizer } from '../tensorwise.js';
import type { Scalar } from '../schedule.js';
import { assertAdamLike, assertNonNegative, assertOneOf } from '../validate.js';
import { ndAdamVectorUpdateFast } from './nd-adam-fast.js';

export type NdAdamVariant = 'paper' | 'code';

export interface NdAdamOptions {
  /** α^s ≥ 0, scalar learning rate. Paper setting 0.001 (paper §5.2). */
  lr: Scalar;
  /** α^v ≥ 0, vector learning rate. Paper setting 0.05 (paper §5.2; TF code: 50·α^s). */
  lrVector: Scalar;
  /** β₁ ∈ [0, 1). Paper setting 0.9. */
  beta1: Scalar;
  /** β₂ ∈ [0, 1). Paper setting 0.999 (the PyTorch run uses 0.99). */
  beta2: Scalar;
  /** ε ≥ 0. Default 1e-8. */
  eps: Scalar;
  /** λ ≥ 0, L2 on θ^s only. Default 0 (PyTorch run: 5e-6). */
  weightDecay: Scalar;
  /** 'paper' (default) or 'code'. */
  variant: NdAdamVariant;
  /** Normalize each unit vector once at construction (L0). Default: variant === 'paper'. */
  normalizeAtInit: boolean;
}

export const ND_ADAM_DEFAULTS: Omit<NdAdamOptions, 'normalizeAtInit'> = {
  lr: 0.001,
  lrVector: 0.05,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  weightDecay: 0,
  variant: 'paper',
};

/**
 * The settings of the authors' PyTorch run (zj10/ND-Adam main.py, their WRN table; docs/papers/nd-adam.md):
 * one lr 0.04 for both groups, β₂ = 0.99, L2 5e-6 on the scalars, no normalization at build time.
 */
export const ND_ADAM_CODE_SETTINGS = {
  lr: 0.04,
  lrVector: 0.04,
  beta2: 0.99,
  weightDecay: 5e-6,
  normalizeAtInit: false,
} as const satisfies Partial<NdAdamOptions>;

/** Every default for a variant: Algorithm 1's for 'paper' ((L0) at construction), the PyTorch run's for 'code'. */
export function ndAdamDefaults(variant: NdAdamVariant = ND_ADAM_DEFAULTS.variant): NdAdamOptions {
  return variant === 'code' ? { ...ND_ADAM_DEFAULTS, ...ND_ADAM_CODE_SETTINGS, variant } : { ...ND_ADAM_DEFAULTS, variant, normalizeAtInit: true };
}

/** m: first moment (element-wise); v: one scalar per unit for vectors, element-wise for scalars. */
export type NdAdamState = { t: number; m: Float32Array; v: Float32Array };

/** Scratch buffers for one unit. */
interface UnitScratch {
  w: Float64Array;
  g: Float64Array;
}

/**
 * One ND-Adam step for a vector tensor (L1)–(L7); returns the number of units whose w̄ had norm 0.
 */
export function ndAdamVectorUpdate(
  w: Float32Array,
  g: Float32Array,
  s: NdAdamState,
  h: Resolved<NdAdamOptions>,
  layout: UnitLayout,
  scratch: UnitScratch,
): number {
  const { w: wu, g: gu } = scratch;
  const c1 = 1 - h.beta1 ** s.t;
  const c2 = 1 - h.beta2 ** s.t;
  let zero = 0;
  for (let u = 0; u < layout.numUnits; u++) {
    gatherUnit(w, layout, u, wu);
    gatherUnit(g, layout, u, gu); // (L1)
    let gw = 0;
    for (let j = 0; j < wu.length; j++) gw += gu[j] * wu[j];
    let gg = 0;
    const base = u * layout.unitSize;
    for (let j = 0; j < wu.length; j++) {
      const gp = gu[j] - gw * wu[j]; // (L2)
      const k = layout.index[base + j];
      s.m[k] = h.beta1 * s.m[k] + (1 - h.beta1) * gp; // (L3)
      gg += gp * gp;
    }
    s.v[u] = h.beta2 * s.v[u] + (1 - h.beta2) * gg; // (L4)
    const paper = h.variant === 'paper';
    const denom = paper ? Math.sqrt(s.v[u] / c2) + h.eps : Math.sqrt(s.v[u]) + h.eps; // (L5)
    const step = paper ? h.lrVector / c1 : (h.lrVector * Math.sqrt(c2)) / c1;
    let nn = 0;
    for (let j = 0; j < wu.length; j++) {
      wu[j] -= (step * s.m[layout.index[base + j]]) / denom; // (L6)
      nn += wu[j] * wu[j];
    }
    const n = Math.sqrt(nn);
    if (n > 0) for (let j = 0; j < wu.length; j++) wu[j] /= n; // (L7)
    else zero++;
    scatterUnit(wu, layout, u, w);
  }
  return zero;
}

/** One step for a scalar tensor (L8), with L2 `weightDecay`. */
export function ndAdamScalarUpdate(w: Float32Array, g: Float32Array, s: NdAdamState, h: Resolved<NdAdamOptions>): void {
  const c1 = 1 - h.beta1 ** s.t;
  const c2 = 1 - h.beta2 ** s.t;
  const paper = h.variant === 'paper';
  const step = paper ? h.lr / c1 : (h.lr * Math.sqrt(c2)) / c1;
  for (let i = 0; i < w.length; i++) {
    const d = g[i] + h.weightDecay * w[i]; // (impl) L2 on θ^s, see Deviations
    s.m[i] = h.beta1 * s.m[i] + (1 - h.beta1) * d;
    s.v[i] = h.beta2 * s.v[i] + (1 - h.beta2) * d * d;
    const denom = paper ? Math.sqrt(s.v[i] / c2) + h.eps : Math.sqrt(s.v[i]) + h.eps;
    w[i] -= (step * s.m[i]) / denom; // (L8)
  }
}

/** Normalized direction-preserving Adam. */
export class NdAdam extends TensorwiseOptimizer<NdAdamOptions, NdAdamState> {
  private readonly layouts = new Map<string, UnitLayout>();
  private scratch: UnitScratch = { w: new Float64Array(0), g: new Float64Array(0) };
  private zeroUnits = 0;

  /** `options.variant` picks the defaults of every other option (see `ndAdamDefaults`). */
  constructor(params: ParamsArg<NdAdamOptions>, options: OptimizerOptions<NdAdamOptions> = {}) {
    const variant = typeof options === 'object' && options !== null && options.variant === 'code' ? 'code' : 'paper';
    super('ND-Adam', params, ndAdamDefaults(variant), options);
    for (const g of this.groups) {
      for (const p of g.params) {
        const L = this.layoutOf(p);
        if (L && g.options.normalizeAtInit) this.zeroUnits += normalizeUnits(p.data, L); // (L0)
      }
    }
  }

  /** The unit layout of a vector tensor, undefined for θ^s. */
  layoutOf(p: Parameter): UnitLayout | undefined {
    if (!p.meta.unitAxes) return undefined;
    let L = this.layouts.get(p.meta.name);
    if (!L) {
      L = unitLayout(p.shape, p.meta.unitAxes);
      this.layouts.set(p.meta.name, L);
    }
    return L;
  }

  protected initState(p: Parameter): NdAdamState {
    const L = this.layoutOf(p);
    return { t: 0, m: new Float32Array(p.size), v: new Float32Array(L ? L.numUnits : p.size) };
  }

  protected override applyStep(groups: readonly GroupStep<NdAdamOptions, NdAdamState>[]): void {
    this.zeroUnits = 0;
    super.applyStep(groups);
  }

  protected update(p: Parameter, g: Float32Array, s: NdAdamState, h: Resolved<NdAdamOptions>): void {
    const L = this.layoutOf(p);
    if (!L) {
      ndAdamScalarUpdate(p.data, g, s, h);
      return;
    }
    if (this.scratch.w.length !== L.unitSize) this.scratch = { w: new Float64Array(L.unitSize), g: new Float64Array(L.unitSize) };
    this.zeroUnits += ndAdamVectorUpdateFast(p.data, g, s, h, L, this.scratch); // ndAdamVectorUpdate above, in place on contiguous units (nd-adam-fast.ts)
  }

  protected validate(h: Resolved<NdAdamOptions>, where: string): void {
    assertAdamLike(where, h, 'lr (α^s)');
    assertNonNegative(where, 'lrVector (α^v)', h.lrVector);
    assertOneOf(where, 'variant', h.variant, ['paper', 'code']);
  }

  protected override ruleFor(p: Parameter, h: Resolved<NdAdamOptions>): string {
    const L = this.layoutOf(p);
    if (!L) return `ND-Adam scalar: Adam (${h.variant}, α^s=${h.lr}, L2 λ=${h.weightDecay})`;
    return `ND-Adam vector: ${L.numUnits} unit(s) over axes [${p.meta.unitAxes?.join(', ')}] (${h.variant}, α^v=${h.lrVector})`;
  }

  /** Worst |‖w_i‖ − 1| over every unit (units of norm 0 excluded) and the count of zero units. */
  protected override extraDiagnostics(): Record<string, unknown> {
    let worst = 0;
    for (const g of this.groups) {
      for (const p of g.params) {
        const L = this.layoutOf(p);
        if (!L) continue;
        for (const n of unitNorms(p.data, L)) if (n > 0) worst = Math.max(worst, Math.abs(n - 1));
      }
    }
    return { worstUnitNormError: worst, zeroNormUnits: this.zeroUnits };
  }
}
