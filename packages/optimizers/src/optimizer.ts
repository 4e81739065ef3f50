/**
 * The base optimizer: parameter groups with per-group hyperparameters, typed per-parameter state keyed
 * by parameter **name**, a per-parameter step counter `t` (advanced only when that parameter has a
 * gradient; docs/papers/baselines.md#conventions-shared-by-every-optimizer), `zeroGrad()`, `step(closure?)`, `stateDict()` /
 * `loadStateDict()` and `describe()`.
 *
 * A step is atomic: every gradient is checked (size, finiteness) before any state or weight changes; a
 * non-finite value is an error naming the tensor, the index and the step (or, with `nonFinite: 'skip'`,
 * a skipped and counted step). With ε = 0 a 0/0 cannot be ruled out beforehand, so such a step runs on a
 * snapshot and is undone, with an error naming the cause, if it produced a non-finite value.
 *
 * The math lives in each algorithm's pure update functions. A subclass supplies `initState`,
 * `validate` and `applyStep(groups)`, which receives every group with its resolved hyperparameters and
 * the tensors that have a gradient this step (state created, `t` advanced), so global passes (AdamS's
 * v̄ over all tensors) are natural. `TensorwiseOptimizer` (tensorwise.ts) is the common case of one
 * `update` per tensor.
 */
import type { Parameter } from '@gapkit/autodiff';
import { beginDiagnostics, type DiagnosticsProbe, finishDiagnostics, type StepDiagnostics } from './diagnostics.js';
import { OptimizerError, show } from './errors.js';
import { optionTypeProblems } from './option-checks.js';
import { assertOptionKeys } from './option-keys.js';
import { isSchedule, type Scalar, type ScheduleSpec, scheduleAt, validateSchedule } from './schedule.js';
import { copyValue, firstNonFinite, isRecord, type OptimizerStateDict, type StateValue } from './state-dict.js';
import { checkStateDict } from './state-dict-check.js';

export { type OptimizerStateDict, type StateValue, stateDictToJSON } from './state-dict.js';

/** Per-parameter state: `t` is the parameter's own step counter (1 on its first step). */
export type StateRecord = { t: number; [key: string]: StateValue };

/** Options with every `Scalar` (number or schedule) replaced by its value at this step. */
export type Resolved<O> = { readonly [K in keyof O]: O[K] extends Scalar ? number : O[K] };

/** A parameter group as passed by the user: its tensors plus any options that differ from the defaults. */
export type GroupSpec<O> = { params: readonly Parameter[] } & Partial<O>;

/** What `step()` does when a gradient holds NaN or ±Infinity: throw (default) or skip the whole step and count it. */
export type NonFinitePolicy = 'error' | 'skip';

/** Options every optimizer takes besides its hyperparameters (optimizer-wide). */
export interface CommonOptions {
  /** Default 'error': the step throws, naming the tensor, the index and the step, and changes nothing. */
  nonFinite?: NonFinitePolicy;
}

/** The keys of `CommonOptions`. */
export const COMMON_OPTION_KEYS: readonly (keyof CommonOptions)[] = ['nonFinite'];

/** What an optimizer's constructor takes: the first group's overrides plus the common options. */
export type OptimizerOptions<O> = Partial<O> & CommonOptions;

/** Throws an OptimizerError unless `options` is a plain object (for constructors that split it first). */
export function assertOptionsObject<T>(name: string, options: T): asserts options is T & object {
  if (!isRecord(options)) {
    throw new OptimizerError(`${name}: options must be an object, got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}`);
  }
}

/** What optimizers accept: a flat list of parameters (one group) or a list of groups. */
export type ParamsArg<O> = readonly Parameter[] | readonly GroupSpec<O>[];

/** A group after construction. `options` may be changed between steps (e.g. `options.lr = 0.01`). */
export interface ParamGroup<O> {
  readonly params: readonly Parameter[];
  options: O;
}

/** A tensor that has a gradient this step, with its state (created on its first gradient, `t` advanced). */
export interface LiveTensor<S> {
  readonly p: Parameter;
  readonly g: Float32Array;
  readonly s: S;
}

/** A group with its hyperparameters resolved for the current step and its tensors that have a gradient. */
export interface GroupStep<O, S = StateRecord> {
  readonly index: number;
  readonly group: ParamGroup<O>;
  readonly h: Resolved<O>;
  readonly live: readonly LiveTensor<S>[];
}

/** Output of `describe()`. */
export interface OptimizerDescription {
  optimizer: string;
  steps: number;
  skippedSteps: number;
  /** Optimizer-wide settings: `nonFinite`, and e.g. AdamS's `vbarFloor`, LAWN's base and free phase. */
  settings: Record<string, unknown>;
  groups: {
    index: number;
    hyper: Record<string, unknown>;
    schedules: Record<string, ScheduleSpec>;
    params: { name: string; shape: number[]; rule: string }[];
  }[];
}

function isGroupList<O>(arg: ParamsArg<O>): arg is readonly GroupSpec<O>[] {
  const first: unknown = arg[0];
  return typeof first === 'object' && first !== null && !('data' in first);
}

/** A Parameter as far as the optimizer needs one (values, shape, metadata with a name). */
function isParameter(p: unknown): p is Parameter {
  return isRecord(p) && p.data instanceof Float32Array && Array.isArray(p.shape) && isRecord(p.meta) && typeof p.meta.name === 'string';
}



/** Everything a step may change, for undoing a step that produced a non-finite value. */
interface Snapshot<S> {
  state: Map<string, S>;
  steps: number;
  extra: Record<string, unknown>;
  weights: Map<Parameter, Float32Array>;
}

export abstract class Optimizer<O extends object, S extends StateRecord> {
  /** Name used in messages and state dicts (e.g. `Padam`). */
  readonly name: string;
  readonly groups: ParamGroup<O>[];
  /** What a step does with a non-finite gradient. */
  readonly nonFinite: NonFinitePolicy;
  protected readonly state = new Map<string, S>();
  protected readonly params = new Map<string, Parameter>();
  /** Steps completed: schedules are evaluated at this value. */
  protected steps = 0;
  private skipped = 0;
  private probe: DiagnosticsProbe | null = null;
  private tracking = false;
  private last: StepDiagnostics | null = null;

  /**
   * @param defaults     every per-group option's default
   * @param options      the caller's options: per-group overrides for every group, plus `CommonOptions`
   * @param settingsKeys optimizer-wide keys the subclass already took out of `options` (listed as valid
   *                     in the unknown-key message)
   */
  constructor(name: string, params: ParamsArg<O>, defaults: O, options: OptimizerOptions<O> = {}, settingsKeys: readonly string[] = []) {
    this.name = name;
    assertOptionsObject(name, options);
    const { nonFinite = 'error', ...overrides } = options;
    const groupKeys = Object.keys(defaults);
    assertOptionKeys(`${name} options`, overrides, [...groupKeys, ...COMMON_OPTION_KEYS, ...settingsKeys]);
    const typeProblems = optionTypeProblems(overrides, defaults);
    if (typeProblems.length > 0) throw new OptimizerError(`${name}: ${typeProblems.join('; ')}`);
    if (nonFinite !== 'error' && nonFinite !== 'skip') throw new OptimizerError(`${name}: nonFinite must be 'error' or 'skip', got ${show(nonFinite)}`);
    this.nonFinite = nonFinite;
    const merged = { ...defaults, ...overrides };
    if (!Array.isArray(params)) {
      throw new OptimizerError(`${name}: params must be a list of parameters or of groups { params, ...options }, got ${params === null ? 'null' : typeof params}`);
    }
    const specs: readonly GroupSpec<O>[] = isGroupList(params) ? params : [{ params } as unknown as GroupSpec<O>];
    this.groups = specs.map((spec, gi) => {
      if (!isRecord(spec) || !Array.isArray(spec.params)) throw new OptimizerError(`${name}: group ${gi} must be an object { params: Parameter[], ...options }`);
      const { params: ps, ...groupOverrides } = spec;
      assertOptionKeys(`${name} group ${gi} options`, groupOverrides, groupKeys);
      const groupTypeProblems = optionTypeProblems(groupOverrides, defaults);
      if (groupTypeProblems.length > 0) throw new OptimizerError(`${name} (group ${gi}): ${groupTypeProblems.join('; ')}`);
      for (const p of ps) {
        if (!isParameter(p)) {
          throw new OptimizerError(`${name}: group ${gi} holds something that is not a Parameter`);
        }
        const n = p.meta.name;
        if (!n) throw new OptimizerError(`${name}: a parameter of shape [${p.shape.join(', ')}] has no name (state is keyed by name)`);
        if (this.params.has(n)) throw new OptimizerError(`${name}: parameter '${n}' appears twice`);
        this.params.set(n, p);
      }
      return { params: [...ps], options: { ...merged, ...groupOverrides } as O };
    });
    if (this.params.size === 0) throw new OptimizerError(`${name}: got no parameters to optimize`);
    for (const [gi, g] of this.groups.entries()) this.validate(this.resolve(g.options), this.where(gi));
  }

  /** Steps completed so far. */
  get stepCount(): number {
    return this.steps;
  }

  /** Steps skipped for a non-finite gradient (`nonFinite: 'skip'`). */
  get skippedSteps(): number {
    return this.skipped;
  }

  /** Sets every parameter's gradient to null (= "no gradient", skipped by the next step). */
  zeroGrad(): void {
    for (const g of this.groups) for (const p of g.params) p.grad = null;
  }

  /**
   * One optimizer step. `closure`, if given, is called first (it should zero the gradients, run the
   * forward and backward passes and return the loss); its loss is returned. Nothing changes unless the
   * whole step succeeds; a skipped step (`nonFinite: 'skip'`) changes only `skippedSteps`.
   */
  step(closure?: () => number): number | undefined {
    if (closure !== undefined && typeof closure !== 'function') throw new OptimizerError(`${this.name}.step: the closure must be a function, got ${show(closure)}`);
    const loss = closure ? closure() : undefined;
    const resolved = this.groups.map((group, index) => {
      const h = this.resolve(group.options);
      this.validate(h, this.where(index));
      return { index, group, h };
    });
    const grads = this.checkedGradients();
    if (grads === null) {
      this.skipped++;
      return loss;
    }
    const guard = resolved.map((r) => this.divisionRisk(r.h)).find((x) => x !== null) ?? null;
    const snapshot = guard === null ? null : this.snapshot();
    if (this.tracking) this.probe = beginDiagnostics(this.groups);
    // without a snapshot, applyStep may only throw before it writes (AdamS's v̄ check): undo what the base did
    const created: string[] = [];
    const advanced: S[] = [];
    try {
      this.beforeStep(resolved);
      const groups: GroupStep<O, S>[] = resolved.map((r) => ({
        ...r,
        live: r.group.params.flatMap((p) => {
          const g = grads.get(p);
          if (g === undefined) return [];
          if (!this.state.has(p.meta.name)) created.push(p.meta.name);
          const s = this.stateFor(p, r.h);
          s.t++;
          advanced.push(s);
          return [{ p, g, s }];
        }),
      }));
      this.applyStep(groups);
      if (snapshot !== null && guard !== null) this.assertFiniteAfter(groups, guard);
    } catch (e) {
      if (snapshot !== null) this.restore(snapshot);
      else {
        for (const s of advanced) s.t--;
        for (const n of created) this.state.delete(n);
      }
      this.probe = null;
      throw e;
    }
    this.steps++;
    if (this.probe) {
      this.last = finishDiagnostics(this.probe, this.steps, resolved, this.extraDiagnostics());
      this.probe = null;
    }
    return loss;
  }

  /** Turns the per-step diagnostics on or off (off by default: they copy the weights each step). */
  trackDiagnostics(on = true): this {
    this.tracking = on;
    if (!on) this.last = null;
    return this;
  }

  /** Diagnostics of the last step (null unless `trackDiagnostics()` was on for it). */
  diagnostics(): StepDiagnostics | null {
    return this.last;
  }

  /** The state of one parameter (undefined before its first gradient). */
  stateOf(name: string): Readonly<S> | undefined {
    return this.state.get(name);
  }

  /** Groups, resolved hyperparameters at the current step, and the rule each parameter gets. */
  describe(): OptimizerDescription {
    return {
      optimizer: this.name,
      steps: this.steps,
      skippedSteps: this.skipped,
      settings: { nonFinite: this.nonFinite, ...this.describeSettings() },
      groups: this.groups.map((g, index) => {
        const h = this.resolve(g.options);
        const schedules: Record<string, ScheduleSpec> = {};
        for (const [k, v] of Object.entries(g.options)) if (isSchedule(v)) schedules[k] = v;
        return {
          index,
          hyper: { ...h },
          schedules,
          params: g.params.map((p) => ({ name: p.meta.name, shape: [...p.shape], rule: this.ruleFor(p, h) })),
        };
      }),
    };
  }

  /** A deep copy of the state, keyed by parameter name. */
  stateDict(): OptimizerStateDict {
    const state: OptimizerStateDict['state'] = {};
    for (const [n, s] of this.state) {
      const rec: Record<string, StateValue> = {};
      for (const [k, v] of Object.entries(s)) rec[k] = copyValue(v);
      state[n] = rec;
    }
    return {
      format: 'gapkit.optimizer/1',
      optimizer: this.name,
      steps: this.steps,
      skippedSteps: this.skipped,
      params: [...this.params.values()].map((p) => ({ name: p.meta.name, shape: [...p.shape] })),
      groups: this.groups.map((g) => ({ params: g.params.map((p) => p.meta.name), options: structuredClone({ ...g.options }) as Record<string, unknown> })),
      state,
      extra: structuredClone(this.saveExtra()),
    };
  }

  /**
   * Restores a state dict, all or nothing. Checks it as the constructor checks options: the format,
   * optimizer, parameters (names, shapes), groups, option keys and values (in range, schedules
   * well-formed), `steps` and every `t` non-negative integers (t ≤ steps), buffers of the right size,
   * finite, second moments non-negative, and the optimizer's extras. Every problem is listed in one
   * OptimizerError; nothing changes unless there is none.
   */
  loadStateDict(sd: OptimizerStateDict): void {
    const checked = checkStateDict<O, S>(
      {
        name: this.name,
        params: this.params,
        groups: this.groups,
        validateAt: (options, steps, where) => this.validate(this.resolve(options, steps), where),
        freshState: (p, options) => this.initState(p, this.resolve(options, 0)),
        checkExtra: (extra) => this.checkExtra(extra),
      },
      sd,
    );
    this.state.clear();
    for (const [n, s] of checked.state) this.state.set(n, s);
    checked.options.forEach((o, gi) => {
      this.groups[gi].options = o;
    });
    this.steps = checked.steps;
    this.skipped = checked.skippedSteps;
    this.loadExtra(checked.extra);
  }

  // ---- the step's guards ----------------------------------------------------------------------

  /** Every gradient by tensor after checking size and finiteness; null when the step is to be skipped. */
  private checkedGradients(): Map<Parameter, Float32Array> | null {
    const grads = new Map<Parameter, Float32Array>();
    for (const group of this.groups) {
      for (const p of group.params) {
        if (p.grad === null || p.grad === undefined) continue;
        const g = p.grad.data;
        if (!(g instanceof Float32Array) || g.length !== p.data.length) {
          throw new OptimizerError(`${this.name}: gradient of '${p.meta.name}' has ${g instanceof Float32Array ? g.length : 'no'} values, the parameter has ${p.data.length}`);
        }
        const bad = firstNonFinite(g);
        if (bad >= 0) {
          if (this.nonFinite === 'skip') return null;
          throw new OptimizerError(
            `${this.name}: step ${this.steps + 1}: the gradient of '${p.meta.name}' holds ${g[bad]} at index ${bad} (shape [${p.shape.join(', ')}]); ` +
              "nothing was changed (use nonFinite: 'skip' to skip such steps)",
          );
        }
        grads.set(p, g);
      }
    }
    return grads;
  }

  private snapshot(): Snapshot<S> {
    const state = new Map<string, S>();
    for (const [n, s] of this.state) {
      const rec: Record<string, StateValue> = {};
      for (const [k, v] of Object.entries(s)) rec[k] = copyValue(v);
      state.set(n, rec as S);
    }
    const weights = new Map<Parameter, Float32Array>();
    for (const p of this.params.values()) weights.set(p, p.data.slice());
    return { state, steps: this.steps, extra: structuredClone(this.saveExtra()), weights };
  }

  private restore(snap: Snapshot<S>): void {
    this.state.clear();
    for (const [n, s] of snap.state) this.state.set(n, s);
    this.steps = snap.steps;
    this.loadExtra(snap.extra);
    for (const [p, w] of snap.weights) p.data.set(w);
  }

  /** After a step taken under a division risk: every weight and buffer it touched must be finite. */
  private assertFiniteAfter(groups: readonly GroupStep<O, S>[], risk: string): void {
    for (const { live } of groups) {
      for (const { p, s } of live) {
        const found = [['the weights', p.data], ...Object.entries(s).filter((e): e is [string, Float32Array] => e[1] instanceof Float32Array)] as const;
        for (const [what, values] of found) {
          const bad = firstNonFinite(values);
          if (bad < 0) continue;
          throw new OptimizerError(
            `${this.name}: step ${this.steps + 1}: ${risk} with a zero second moment gave 0/0 in ${what === 'the weights' ? what : `state '${what}'`} of '${p.meta.name}' at index ${bad}; ` +
              'the step was undone. Use a positive eps (e.g. 1e-8) unless the zero-ε reference form is what you need and the gradients never vanish',
          );
        }
      }
    }
  }

  // ---- for subclasses -------------------------------------------------------------------------

  /** `Name (group i)` for messages. */
  protected where(groupIndex: number): string {
    return this.groups && this.groups.length > 1 ? `${this.name} (group ${groupIndex})` : this.name;
  }

  /** Evaluates every schedule in `options` at step `steps` (default: the current step). */
  protected resolve(options: O, steps: number = this.steps): Resolved<O> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(options)) {
      if (isSchedule(v)) {
        validateSchedule(v);
        out[k] = scheduleAt(v, steps);
      } else out[k] = v;
    }
    return out as Resolved<O>;
  }

  /** The parameter's state, created on its first gradient. */
  protected stateFor(p: Parameter, h: Resolved<O>): S {
    let s = this.state.get(p.meta.name);
    if (!s) {
      s = this.initState(p, h);
      this.state.set(p.meta.name, s);
    }
    return s;
  }

  /**
   * A setting under which the step may divide 0 by 0 (default: ε = 0), described for the error, or
   * null. Such steps run on a snapshot and are undone if they produce a non-finite value.
   */
  protected divisionRisk(h: Resolved<O>): string | null {
    return 'eps' in h && h.eps === 0 ? 'eps (ε) = 0' : null;
  }

  /** Called once per step after the gradients passed their checks, before any state is created (LAWN's switch). */
  protected beforeStep(_groups: readonly { index: number; group: ParamGroup<O>; h: Resolved<O> }[]): void {}

  /** Fresh state for `p` (t = 0, zero moments). */
  protected abstract initState(p: Parameter, h: Resolved<O>): S;
  /** Applies one step: every group, with the tensors that have a gradient (state ready, t advanced). */
  protected abstract applyStep(groups: readonly GroupStep<O, S>[]): void;
  /** Throws for any out-of-range hyperparameter, naming the symbol and range. */
  protected abstract validate(h: Resolved<O>, where: string): void;
  /** One line saying which rule `p` gets (for `describe()`). */
  protected ruleFor(_p: Parameter, _h: Resolved<O>): string {
    return this.name;
  }
  /** Optimizer-wide settings for `describe()` (besides `nonFinite`). */
  protected describeSettings(): Record<string, unknown> {
    return {};
  }
  /** Optimizer-specific diagnostics of the step just taken. */
  protected extraDiagnostics(): Record<string, unknown> {
    return {};
  }
  /** Optimizer-specific state to save beside the per-parameter state. */
  protected saveExtra(): Record<string, unknown> {
    return {};
  }
  /** Problems with a saved `extra` (empty when it can be loaded); must not throw on any input. Default: it must be empty. */
  protected checkExtra(extra: Record<string, unknown>): string[] {
    const keys = Object.keys(extra);
    return keys.length === 0 ? [] : [`extra has unknown keys ${keys.join(', ')} (${this.name} saves no extras)`];
  }
  /** Restores `extra` (called after `checkExtra` found no problem). */
  protected loadExtra(_extra: Record<string, unknown>): void {}
}
