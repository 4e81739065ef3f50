/**
 * The base optimizer: parameter groups with per-group hyperparameters, typed per-parameter state keyed
 * by parameter **name**, a per-parameter step counter `t` (advanced only when that parameter has a
 * gradient; docs/papers/baselines.md#conventions-shared-by-every-optimizer), `zeroGrad()`, `step(closure?)`, `stateDict()` /
 * `loadStateDict()` and `describe()`. The math lives in each algorithm's pure update function; a
 * subclass supplies `initState`, `update`, `validate` and (for global passes) overrides `applyStep`.
 */
import type { Parameter } from '@gapkit/autodiff';
import { beginDiagnostics, type DiagnosticsProbe, finishDiagnostics, type StepDiagnostics } from './diagnostics.js';
import { isSchedule, type Scalar, type ScheduleSpec, scheduleAt, validateSchedule } from './schedule.js';

/** One saved state value: a counter, a buffer, or an absent buffer. */
export type StateValue = number | Float32Array | null;
/** Per-parameter state: `t` is the parameter's own step counter (1 on its first step). */
export type StateRecord = { t: number; [key: string]: StateValue };

/** Options with every `Scalar` (number or schedule) replaced by its value at this step. */
export type Resolved<O> = { readonly [K in keyof O]: O[K] extends Scalar ? number : O[K] };

/** A parameter group as passed by the user: its tensors plus any options that differ from the defaults. */
export type GroupSpec<O> = { params: readonly Parameter[] } & Partial<O>;

/** What optimizers accept: a flat list of parameters (one group) or a list of groups. */
export type ParamsArg<O> = readonly Parameter[] | readonly GroupSpec<O>[];

/** A group after construction. `options` may be changed between steps (e.g. `options.lr = 0.01`). */
export interface ParamGroup<O> {
  readonly params: readonly Parameter[];
  options: O;
}

/** A group with its hyperparameters resolved for the current step. */
export interface GroupStep<O> {
  readonly index: number;
  readonly group: ParamGroup<O>;
  readonly h: Resolved<O>;
}

/** Serialized optimizer state: everything needed to continue exactly where a run stopped. */
export interface OptimizerStateDict {
  format: 'gapkit.optimizer/1';
  optimizer: string;
  /** Steps completed by the optimizer (the schedules' clock). */
  steps: number;
  params: { name: string; shape: number[] }[];
  groups: { params: string[]; options: Record<string, unknown> }[];
  /** Buffers are Float32Arrays from `stateDict()`, or plain number arrays after `stateDictToJSON`. */
  state: Record<string, Record<string, StateValue | number[]>>;
  /** Optimizer-specific extras (LAWN: phase and c_ℓ). */
  extra: Record<string, unknown>;
}

/** Output of `describe()`. */
export interface OptimizerDescription {
  optimizer: string;
  steps: number;
  groups: {
    index: number;
    hyper: Record<string, unknown>;
    schedules: Record<string, ScheduleSpec>;
    params: { name: string; shape: number[]; rule: string }[];
  }[];
}

function isGroupList<O>(arg: ParamsArg<O>): arg is readonly GroupSpec<O>[] {
  return arg.length > 0 && !('data' in arg[0]);
}

function copyValue(v: StateValue | number[]): StateValue {
  return v instanceof Float32Array ? v.slice() : Array.isArray(v) ? Float32Array.from(v) : v;
}

function isBuffer(v: unknown): v is Float32Array | number[] {
  return v instanceof Float32Array || (Array.isArray(v) && v.every((x) => typeof x === 'number'));
}

/**
 * A JSON-safe copy of a state dict (buffers as plain arrays; float32 values are exact as JSON
 * numbers). `loadStateDict` accepts it back.
 */
export function stateDictToJSON(sd: OptimizerStateDict): OptimizerStateDict {
  const state: OptimizerStateDict['state'] = {};
  for (const [n, rec] of Object.entries(sd.state)) {
    state[n] = Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, v instanceof Float32Array ? Array.from(v) : v]));
  }
  return structuredClone({ ...sd, state });
}

export abstract class Optimizer<O extends object, S extends StateRecord> {
  /** Name used in messages and state dicts (e.g. `Padam`). */
  readonly name: string;
  readonly groups: ParamGroup<O>[];
  protected readonly state = new Map<string, S>();
  protected readonly params = new Map<string, Parameter>();
  /** Steps completed: schedules are evaluated at this value. */
  protected steps = 0;
  private probe: DiagnosticsProbe | null = null;
  private tracking = false;
  private last: StepDiagnostics | null = null;

  constructor(name: string, params: ParamsArg<O>, defaults: O) {
    this.name = name;
    const specs: readonly GroupSpec<O>[] = isGroupList(params) ? params : [{ params } as GroupSpec<O>];
    if (specs.length === 0 || specs.every((g) => g.params.length === 0)) {
      throw new RangeError(`${name}: got no parameters to optimize`);
    }
    this.groups = specs.map((spec, gi) => {
      const { params: ps, ...overrides } = spec;
      for (const key of Object.keys(overrides)) {
        if (!(key in defaults)) {
          throw new RangeError(`${name}: group ${gi} has unknown option '${key}' (known: ${Object.keys(defaults).join(', ')})`);
        }
      }
      for (const p of ps) {
        const n = p.meta.name;
        if (!n) throw new RangeError(`${name}: a parameter of shape [${p.shape.join(', ')}] has no name (state is keyed by name)`);
        if (this.params.has(n)) throw new RangeError(`${name}: parameter '${n}' appears twice`);
        this.params.set(n, p);
      }
      return { params: [...ps], options: { ...defaults, ...overrides } as O };
    });
    for (const [gi, g] of this.groups.entries()) this.validate(this.resolve(g.options), this.where(gi));
  }

  /** Steps completed so far. */
  get stepCount(): number {
    return this.steps;
  }

  /** Sets every parameter's gradient to null (= "no gradient", skipped by the next step). */
  zeroGrad(): void {
    for (const g of this.groups) for (const p of g.params) p.grad = null;
  }

  /**
   * One optimizer step. `closure`, if given, is called first (it should zero the gradients, run the
   * forward and backward passes and return the loss); its loss is returned.
   */
  step(closure?: () => number): number | undefined {
    const loss = closure ? closure() : undefined;
    const resolved = this.groups.map((group, index) => {
      const h = this.resolve(group.options);
      this.validate(h, this.where(index));
      return { index, group, h };
    });
    if (this.tracking) this.probe = beginDiagnostics(this.groups);
    this.applyStep(resolved);
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
      params: [...this.params.values()].map((p) => ({ name: p.meta.name, shape: [...p.shape] })),
      groups: this.groups.map((g) => ({ params: g.params.map((p) => p.meta.name), options: structuredClone({ ...g.options }) as Record<string, unknown> })),
      state,
      extra: this.saveExtra(),
    };
  }

  /**
   * Restores a state dict. Refuses (changing nothing) a dict of another optimizer, for other
   * parameters (names or shapes), other groups, or with state buffers of the wrong size.
   */
  loadStateDict(sd: OptimizerStateDict): void {
    const where = `${this.name}.loadStateDict`;
    const problems: string[] = [];
    if (sd.format !== 'gapkit.optimizer/1') problems.push(`unknown format '${String(sd.format)}'`);
    if (sd.optimizer !== this.name) problems.push(`state dict is for ${sd.optimizer}, not ${this.name}`);
    const saved = new Map(sd.params.map((p) => [p.name, p.shape]));
    for (const [n, p] of this.params) {
      const shape = saved.get(n);
      if (!shape) problems.push(`missing parameter '${n}'`);
      else if (shape.length !== p.shape.length || shape.some((d, i) => d !== p.shape[i])) {
        problems.push(`'${n}' has shape [${shape.join(', ')}] in the state dict, [${p.shape.join(', ')}] here`);
      }
    }
    for (const n of saved.keys()) if (!this.params.has(n)) problems.push(`unknown parameter '${n}'`);
    if (sd.groups.length !== this.groups.length) problems.push(`${sd.groups.length} groups, expected ${this.groups.length}`);
    else {
      sd.groups.forEach((g, gi) => {
        const mine = this.groups[gi].params.map((p) => p.meta.name);
        if (g.params.join('\u0000') !== mine.join('\u0000')) problems.push(`group ${gi} holds [${g.params.join(', ')}], expected [${mine.join(', ')}]`);
      });
    }
    const loaded = new Map<string, S>();
    if (problems.length === 0) {
      for (const [n, rec] of Object.entries(sd.state)) {
        const p = this.params.get(n);
        if (!p) {
          problems.push(`state for unknown parameter '${n}'`);
          continue;
        }
        const gi = this.groups.findIndex((g) => g.params.includes(p));
        const fresh = this.initState(p, this.resolve(this.groups[gi].options));
        const keys = Object.keys(fresh);
        const extraKeys = Object.keys(rec).filter((k) => !keys.includes(k));
        if (extraKeys.length > 0) problems.push(`'${n}': unknown state entries ${extraKeys.join(', ')}`);
        const out: Record<string, StateValue> = {};
        for (const k of keys) {
          const want = fresh[k];
          const got = rec[k];
          const ok =
            want instanceof Float32Array
              ? isBuffer(got) && got.length === want.length
              : want === null
                ? got === null || isBuffer(got)
                : typeof got === 'number';
          if (!ok) {
            const describe = (v: unknown) => (isBuffer(v) ? `${v.length} values` : JSON.stringify(v));
            problems.push(`'${n}'.${k} is ${describe(got)}, expected ${describe(want)}`);
          }
          out[k] = copyValue(got);
        }
        loaded.set(n, out as S);
      }
    }
    if (problems.length === 0) problems.push(...this.checkExtra(sd.extra));
    if (problems.length > 0) throw new Error(`${where}: ${problems.join('; ')}`);
    this.state.clear();
    for (const [n, s] of loaded) this.state.set(n, s);
    sd.groups.forEach((g, gi) => {
      this.groups[gi].options = { ...this.groups[gi].options, ...structuredClone(g.options) } as O;
    });
    this.steps = sd.steps;
    this.loadExtra(sd.extra);
  }

  // ---- for subclasses -------------------------------------------------------------------------

  /** `Name (group i)` for messages. */
  protected where(groupIndex: number): string {
    return this.groups && this.groups.length > 1 ? `${this.name} (group ${groupIndex})` : this.name;
  }

  /** Evaluates every schedule in `options` at the current step. */
  protected resolve(options: O): Resolved<O> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(options)) {
      if (isSchedule(v)) {
        validateSchedule(v);
        out[k] = scheduleAt(v, this.steps);
      } else out[k] = v;
    }
    return out as Resolved<O>;
  }

  /**
   * The default step: every parameter with a gradient, group by group, gets its own counter
   * advanced and `update` applied. Parameters whose gradient is null are skipped entirely.
   */
  protected applyStep(groups: readonly GroupStep<O>[]): void {
    for (const { group, h } of groups) {
      for (const p of group.params) {
        const g = this.gradOf(p);
        if (g === null) continue;
        const s = this.stateFor(p, h);
        s.t++;
        this.update(p, g, s, h);
      }
    }
  }

  /** The gradient's values, null when absent; refuses a gradient of the wrong size. */
  protected gradOf(p: Parameter): Float32Array | null {
    if (p.grad === null) return null;
    if (p.grad.data.length !== p.data.length) {
      throw new RangeError(`${this.name}: gradient of '${p.meta.name}' has ${p.grad.data.length} values, the parameter has ${p.data.length}`);
    }
    return p.grad.data;
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

  /** Fresh state for `p` (t = 0, zero moments). */
  protected abstract initState(p: Parameter, h: Resolved<O>): S;
  /** Applies one step to `p.data` given its gradient `g` (never modified) and its state (t already advanced). */
  protected abstract update(p: Parameter, g: Float32Array, s: S, h: Resolved<O>): void;
  /** Throws a RangeError naming the symbol and range for any out-of-range hyperparameter. */
  protected abstract validate(h: Resolved<O>, where: string): void;
  /** One line saying which rule `p` gets (for `describe()`). */
  protected ruleFor(_p: Parameter, _h: Resolved<O>): string {
    return this.name;
  }
  /** Optimizer-specific diagnostics of the step just taken. */
  protected extraDiagnostics(): Record<string, unknown> {
    return {};
  }
  /** Optimizer-specific state to save beside the per-parameter state. */
  protected saveExtra(): Record<string, unknown> {
    return {};
  }
  /** Problems with a saved `extra` (empty when it can be loaded). */
  protected checkExtra(_extra: Record<string, unknown>): string[] {
    return [];
  }
  /** Restores `extra` (called after `checkExtra` found no problem). */
  protected loadExtra(_extra: Record<string, unknown>): void {}
}
