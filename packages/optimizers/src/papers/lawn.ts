/**
 * LAWN: logit attenuating weight normalization, a wrapper around Adam, LAMB or SGD-momentum.
 *
 * Paper:  A. Gupta, R. Ramanath, J. Shi, A. Ramachandran, S. Zhou, M. Zhou, S. S. Keerthi. "Logit
 *         Attenuating Weight Normalization." arXiv:2108.05839 (ICLR 2022 submission), Algorithm 1
 *         (Adam-LAWN), Eqs. 1–3, read without its appendices.
 *         No public code was found: every interpretation choice is listed under Deviations.
 * Page:   docs/papers/lawn.md — the box below with the same (Lk) numbers, the options, every
 *         interpretation choice and the defaults with their sources.
 *
 * Algorithm 1 (paper notation → identifier here):
 *   input  η_t → lr, β₁ → beta1, β₂ → beta2, ε → eps, E_free → freeSteps (or freeEpochs·stepsPerEpoch)
 *   (L1)   steps 1 … E_free: the base optimizer with no weight decay                (free phase)
 *   (L2)   at the switch: c_ℓ ← ‖w_ℓ‖ for every constrained tensor ℓ (Eq. 1)       → this.c
 *   (L3)   g_p ← g − (⟨w, g⟩/‖w‖²)·w                                              (Eq. 3, projectTangent)
 *   (L4)   the base's moments updated with g_p; r ← the base's step direction       (Adam: m̂/(√v̂ + ε))
 *   (L5)   r̂ ← r − (⟨w, r⟩/‖w‖²)·w
 *   (L6)   w ← w − η_t·r̂                       (LAMB: w ← w − η_t·(‖w‖/‖r̂‖)·r̂, trust ratio 1 if a norm is 0)
 *   (L7)   w ← c_ℓ·w/‖w‖
 *
 * Deviations / interpretation choices (docs/papers/lawn.md#deviations-and-interpretation-choices):
 *   - Constrained by default: tensors with role 'weight' (conv and linear weights) and role 'embedding'
 *     (an embedding is a linear layer on a one-hot input; `constrainEmbeddings: false` leaves them to the
 *     base, the narrower set), `onlyTag` restricts to a tag (e.g. 'final-homogeneous'), `constrainedParams`
 *     lists names explicitly. Biases and normalization parameters follow the base throughout (invariant L7 of docs/papers/lawn.md#invariants).
 *   - A whole tensor is one vector (layer-wise, not per unit as in ND-Adam).
 *   - Moments and step counters carry over the switch; `resetMomentsAtSwitch` zeroes the constrained
 *     tensors' moments and restarts their bias-correction count at 1.
 *   - c_ℓ is recorded at the first constrained step, before it updates; a tensor with c_ℓ = 0 is
 *     excluded from the constraint and reported in the diagnostics.
 *   - SGD-LAWN: project g, update the momentum buffer with it, project the buffer's step, step, rescale.
 *   - LAMB-LAWN (not written out in the paper): φ = identity, no weight decay.
 *   - ε defaults to 1e-6 for Adam and LAMB bases ("the rest of the adaptive optimizers use 1e-6", paper §4).
 *
 * Reduces to (tests in test/papers/lawn.test.ts): the base optimizer with λ = 0 while free (invariant L1).
 */
import type { Parameter } from '@gapkit/autodiff';
import { norm, projectTangent } from '../math.js';
import { assertOptionsObject, type GroupStep, Optimizer, type OptimizerOptions, type ParamsArg, type Resolved } from '../optimizer.js';
import type { Scalar } from '../schedule.js';
import { assertAdamLike, assertBeta, assertOneOf } from '../validate.js';
import {
  isConstrainedBy,
  LAWN_SETTINGS_DEFAULTS,
  LAWN_SETTINGS_KEYS,
  lawnTitle,
  type LawnSettings,
  type ResolvedLawnSettings,
  resolveLawnSettings,
} from './lawn-settings.js';
import { OptimizerError, show } from '../errors.js';
import { LAWN_BASES, type LawnBaseRule, type LawnState } from './lawn-bases.js';
import { lawnConstrainedUpdateFast } from './lawn-fast.js';

/** Per-group hyperparameters (the base's, without weight decay). */
export interface LawnOptions {
  /** η_t ≥ 0 (the paper tunes a peak lr with warmup + linear decay, docs/papers/schedules.md). Default 1e-3. */
  lr: Scalar;
  /** β₁ ∈ [0, 1) (adam, lamb). Default 0.9 (paper §4). */
  beta1: Scalar;
  /** β₂ ∈ [0, 1) (adam, lamb). Default 0.999 (paper §4). */
  beta2: Scalar;
  /** ε ≥ 0 (adam, lamb). Default 1e-6 (paper §4). */
  eps: Scalar;
  /** μ ∈ [0, 1) (sgd). Default 0.9 (paper §4). */
  momentum: Scalar;
  /** Nesterov momentum (sgd). Default false. */
  nesterov: boolean;
  /** LAMB: bias-correct the moments. Default true. */
  biasCorrection: boolean;
  /** LAMB free phase: φ. Default 'identity' (the constrained phase always uses identity). */
  phi: 'identity' | 'min10';
}

export const LAWN_DEFAULTS: LawnOptions = {
  lr: 1e-3,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-6,
  momentum: 0.9,
  nesterov: false,
  biasCorrection: true,
  phi: 'identity',
};

export type { LawnState } from './lawn-bases.js';

/**
 * One constrained step (L3)–(L7) on a tensor of target norm c, through the base `rule`; `gp` and `r`
 * are float64 scratch of the tensor's size. Returns the norm before rescaling.
 */
export function lawnConstrainedUpdate<S>(
  rule: LawnBaseRule<S>,
  w: Float32Array,
  g: Float32Array,
  s: S,
  h: Resolved<LawnOptions>,
  c: number,
  gp: Float64Array,
  r: Float64Array,
): number {
  projectTangent(g, w, gp); // (L3)
  rule.direction(gp, s, h, r); // (L4)
  projectTangent(r, w, r); // (L5)
  const scale = rule.stepSize(w, r, h);
  let nn = 0;
  for (let i = 0; i < w.length; i++) {
    r[i] = w[i] - scale * r[i]; // (L6), reusing r for w̄
    nn += r[i] * r[i];
  }
  const n = Math.sqrt(nn);
  const k = n > 0 ? c / n : 1;
  for (let i = 0; i < w.length; i++) w[i] = r[i] * k; // (L7)
  return n;
}

/** LAWN around Adam, LAMB or SGD-momentum: a base rule object (lawn-bases.ts) wrapped by the algorithm box. */
export class Lawn extends Optimizer<LawnOptions, LawnState> {
  readonly settings: Readonly<ResolvedLawnSettings>;
  /** The wrapped base optimizer. */
  private readonly rule: LawnBaseRule<LawnState>;
  /** c_ℓ by tensor name, recorded at the switch. */
  private c = new Map<string, number>();
  private switched = false;
  private excluded: string[] = [];
  private scratch = { a: new Float64Array(0), b: new Float64Array(0) };

  constructor(params: ParamsArg<LawnOptions>, options: OptimizerOptions<LawnOptions> & Partial<LawnSettings> = {}) {
    assertOptionsObject('LAWN', options);
    const { base, freeSteps, freeEpochs, stepsPerEpoch, resetMomentsAtSwitch, constrainEmbeddings, onlyTag, constrainedParams, ...rest } = options;
    super(lawnTitle(base ?? LAWN_SETTINGS_DEFAULTS.base), params, LAWN_DEFAULTS, rest, LAWN_SETTINGS_KEYS);
    const known = (n: string) => this.params.has(n);
    this.settings = resolveLawnSettings({ base, freeSteps, freeEpochs, stepsPerEpoch, resetMomentsAtSwitch, constrainEmbeddings, onlyTag, constrainedParams }, known);
    this.rule = LAWN_BASES[this.settings.base];
  }

  /** 'free' before the switch, 'constrained' after. */
  get phase(): 'free' | 'constrained' {
    return this.switched ? 'constrained' : 'free';
  }

  /** Whether the constraint applies to `p` (before exclusions for c = 0). */
  isConstrained(p: Parameter): boolean {
    return isConstrainedBy(this.settings, p);
  }

  /** c_ℓ of every constrained tensor (empty before the switch). */
  targetNorms(): ReadonlyMap<string, number> {
    return this.c;
  }

  protected initState(p: Parameter): LawnState {
    return this.rule.initState(p.size);
  }

  /** (L2) at the first constrained step, before any state is created: c_ℓ ← ‖w_ℓ‖ (and the optional moment reset). */
  protected override beforeStep(groups: readonly { group: { params: readonly Parameter[] } }[]): void {
    if (this.switched || this.steps < this.settings.freeSteps) return;
    for (const { group } of groups) {
      for (const p of group.params) {
        if (!this.isConstrained(p)) continue;
        const c = norm(p.data); // (L2)
        if (c > 0) this.c.set(p.meta.name, c);
        else this.excluded.push(p.meta.name);
        if (this.settings.resetMomentsAtSwitch) this.state.delete(p.meta.name);
      }
    }
    this.switched = true;
  }

  protected applyStep(groups: readonly GroupStep<LawnOptions, LawnState>[]): void {
    for (const { h, live } of groups) {
      for (const { p, g, s } of live) {
        if (this.scratch.a.length < p.size) this.scratch = { a: new Float64Array(p.size), b: new Float64Array(p.size) };
        const a = this.scratch.a.subarray(0, p.size);
        const c = this.switched ? this.c.get(p.meta.name) : undefined;
        if (c === undefined) this.rule.freeStep(p.data, g, s, h, a); // (L1)
        else lawnConstrainedUpdateFast(this.rule, p.data, g, s, h, c, a, this.scratch.b.subarray(0, p.size)); // lawnConstrainedUpdate above in three passes (lawn-fast.ts)
      }
    }
  }

  protected validate(h: Resolved<LawnOptions>, where: string): void {
    assertAdamLike(where, h);
    assertBeta(where, 'momentum (μ)', h.momentum);
    if (h.nesterov && h.momentum <= 0) throw new OptimizerError(`${where}: nesterov requires momentum (μ) > 0, got ${h.momentum}`);
    assertOneOf(where, 'phi (φ)', h.phi, ['identity', 'min10']);
  }

  protected override divisionRisk(h: Resolved<LawnOptions>): string | null {
    return this.rule.usesEps && h.eps === 0 ? 'eps (ε) = 0' : null;
  }

  protected override ruleFor(p: Parameter): string {
    const base = this.settings?.base ?? LAWN_SETTINGS_DEFAULTS.base;
    if (!this.isConstrained(p)) return `${base}, no weight decay (unconstrained)`;
    const c = this.c.get(p.meta.name);
    return `${base}, no weight decay; after step ${this.settings.freeSteps}: projected, ‖w‖ = c${c === undefined ? '' : ` = ${c}`}`;
  }

  protected override describeSettings(): Record<string, unknown> {
    return { ...this.settings, phase: this.phase };
  }

  protected override extraDiagnostics(): Record<string, unknown> {
    let worst = 0;
    for (const [n, c] of this.c) {
      const p = this.params.get(n);
      if (p) worst = Math.max(worst, Math.abs(norm(p.data) - c) / c);
    }
    return { phase: this.phase, c: Object.fromEntries(this.c), excluded: [...this.excluded], worstNormDrift: worst };
  }

  protected override saveExtra(): Record<string, unknown> {
    return { switched: this.switched, c: Object.fromEntries(this.c), excluded: [...this.excluded] };
  }

  protected override checkExtra(extra: Record<string, unknown>): string[] {
    const { switched, c, excluded } = extra;
    const problems: string[] = [];
    const unknown = Object.keys(extra).filter((k) => !['switched', 'c', 'excluded'].includes(k));
    if (unknown.length > 0) problems.push(`LAWN extra has unknown keys ${unknown.join(', ')} (valid: switched, c, excluded)`);
    if (typeof switched !== 'boolean') problems.push(`LAWN extra.switched is ${show(switched)}, expected true or false`);
    if (typeof c !== 'object' || c === null || Array.isArray(c)) problems.push('LAWN extra.c must map parameter names to c_ℓ');
    else {
      for (const [n, v] of Object.entries(c)) {
        if (!this.params.has(n)) problems.push(`c_ℓ for unknown parameter '${n}'`);
        else if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) problems.push(`c_ℓ of '${n}' is ${show(v)}, expected a finite number > 0`);
      }
      if (switched === false && Object.keys(c).length > 0) problems.push('LAWN extra has c_ℓ values but switched is false');
    }
    if (!Array.isArray(excluded) || !excluded.every((n) => typeof n === 'string' && this.params.has(n))) problems.push('LAWN extra.excluded must list known parameter names');
    return problems;
  }

  protected override loadExtra(extra: Record<string, unknown>): void {
    const c = extra.c;
    this.switched = extra.switched === true;
    this.c = new Map(typeof c === 'object' && c !== null ? Object.entries(c).filter((e): e is [string, number] => typeof e[1] === 'number') : []);
    this.excluded = Array.isArray(extra.excluded) ? extra.excluded.filter((n): n is string => typeof n === 'string') : [];
  }
}
