/**
 * What `loadStateDict` checks, as the constructor checks options: the format and optimizer, the
 * parameters (names, shapes), the groups (tensors, option keys, kinds and ranges at the saved step,
 * schedules), every state record (keys, buffer sizes, finite values, non-negative second moments, `t`
 * an integer in [0, steps]) and the optimizer's extras. Every problem is collected, then one
 * OptimizerError lists them all; nothing is applied unless there is none.
 */
import type { Parameter } from '@gapkit/autodiff';
import { OptimizerError } from './errors.js';
import { libraryMessage, optionTypeProblems } from './option-checks.js';
import { assertOptionKeys } from './option-keys.js';
import type { ParamGroup, StateRecord } from './optimizer.js';
import { bufferProblems, copyValue, describeValue, isBuffer, isCount, isRecord, type StateValue } from './state-dict.js';

/** What the checks need from the optimizer. */
export interface LoadContext<O extends object, S extends StateRecord> {
  readonly name: string;
  readonly params: ReadonlyMap<string, Parameter>;
  readonly groups: readonly ParamGroup<O>[];
  /** Throws an OptimizerError when `options`, resolved at step `steps`, are out of range. */
  validateAt(options: O, steps: number, where: string): void;
  /** Fresh state for `p` under `options` (the saved state must have its keys and kinds). */
  freshState(p: Parameter, options: O): S;
  /** The optimizer's own problems with `extra`. */
  checkExtra(extra: Record<string, unknown>): string[];
}

/** A state dict that passed every check. */
export interface CheckedStateDict<O, S> {
  steps: number;
  skippedSteps: number;
  options: O[];
  state: Map<string, S>;
  extra: Record<string, unknown>;
}

/** Second-moment buffers: never negative. */
const NON_NEGATIVE_STATE = ['v', 'vMax', 'vHat'];

const TOP_KEYS = ['format', 'optimizer', 'steps', 'skippedSteps', 'params', 'groups', 'state', 'extra'];

/** Checks `raw` against the optimizer; throws one OptimizerError listing every problem. */
export function checkStateDict<O extends object, S extends StateRecord>(ctx: LoadContext<O, S>, raw: unknown): CheckedStateDict<O, S> {
  const where = `${ctx.name}.loadStateDict`;
  if (!isRecord(raw)) throw new OptimizerError(`${where}: expected a state dict object (from stateDict()), got ${describeValue(raw)}`);
  const problems: string[] = [];
  const keyProblem = libraryMessage(() => assertOptionKeys('state dict', raw, TOP_KEYS));
  if (keyProblem !== null) problems.push(keyProblem);
  if (raw.format !== 'gapkit.optimizer/1') problems.push(`format is ${describeValue(raw.format)}, expected 'gapkit.optimizer/1'`);
  if (raw.optimizer !== ctx.name) problems.push(`state dict is for ${typeof raw.optimizer === 'string' ? raw.optimizer : describeValue(raw.optimizer)}, not ${ctx.name}`);
  const steps = raw.steps;
  if (!isCount(steps)) problems.push(`steps is ${describeValue(steps)}, expected an integer ≥ 0`);
  const skipped = raw.skippedSteps ?? 0;
  if (!isCount(skipped)) problems.push(`skippedSteps is ${describeValue(skipped)}, expected an integer ≥ 0`);
  problems.push(...checkParams(ctx, raw.params));
  const options = checkGroups(ctx, raw.groups, isCount(steps) ? steps : 0, problems);
  const state = checkState(ctx, raw.state, options, isCount(steps) ? steps : Number.POSITIVE_INFINITY, problems);
  const extra = raw.extra;
  if (!isRecord(extra)) problems.push(`extra is ${describeValue(extra)}, expected an object`);
  else problems.push(...ctx.checkExtra(extra));
  if (problems.length > 0 || options === null || state === null || !isCount(steps) || !isCount(skipped) || !isRecord(extra)) {
    throw new OptimizerError(`${where}: ${problems.join('; ')}`);
  }
  return { steps, skippedSteps: skipped, options, state, extra: structuredClone(extra) };
}

function checkParams<O extends object, S extends StateRecord>(ctx: LoadContext<O, S>, params: unknown): string[] {
  if (!Array.isArray(params)) return [`params is ${describeValue(params)}, expected a list of { name, shape }`];
  const problems: string[] = [];
  const saved = new Map<string, unknown>();
  params.forEach((p, i) => {
    if (!isRecord(p) || typeof p.name !== 'string') problems.push(`params[${i}] is ${describeValue(p)}, expected { name, shape }`);
    else saved.set(p.name, p.shape);
  });
  for (const [n, p] of ctx.params) {
    const shape = saved.get(n);
    if (shape === undefined) problems.push(`missing parameter '${n}'`);
    else if (!Array.isArray(shape) || shape.length !== p.shape.length || shape.some((d, i) => d !== p.shape[i])) {
      const text = Array.isArray(shape) && shape.every((d) => typeof d === 'number') ? `[${shape.join(', ')}]` : describeValue(shape);
      problems.push(`'${n}' has shape ${text} in the state dict, [${p.shape.join(', ')}] here`);
    }
  }
  for (const n of saved.keys()) if (!ctx.params.has(n)) problems.push(`unknown parameter '${n}'`);
  return problems;
}

/** Each group's options after loading (null when they cannot be built). */
function checkGroups<O extends object, S extends StateRecord>(ctx: LoadContext<O, S>, groups: unknown, steps: number, problems: string[]): O[] | null {
  if (!Array.isArray(groups)) {
    problems.push(`groups is ${describeValue(groups)}, expected a list of { params, options }`);
    return null;
  }
  if (groups.length !== ctx.groups.length) {
    problems.push(`${groups.length} groups, expected ${ctx.groups.length}`);
    return null;
  }
  const out: O[] = [];
  groups.forEach((g, gi) => {
    const mine = ctx.groups[gi];
    if (!isRecord(g) || !Array.isArray(g.params) || !isRecord(g.options)) {
      problems.push(`groups[${gi}] is ${describeValue(g)}, expected { params, options }`);
      return;
    }
    const names = mine.params.map((p) => p.meta.name);
    const held = g.params;
    const saved = g.options;
    if (held.length !== names.length || held.some((n, i) => n !== names[i])) problems.push(`group ${gi} holds ${describeValue(held)}, expected [${names.join(', ')}]`);
    const keyProblem = libraryMessage(() => assertOptionKeys(`group ${gi} options`, saved, Object.keys(mine.options)));
    if (keyProblem !== null) {
      problems.push(keyProblem);
      return;
    }
    const typeProblems = optionTypeProblems(saved, mine.options);
    if (typeProblems.length > 0) {
      problems.push(...typeProblems.map((p) => `group ${gi} options: ${p}`));
      return;
    }
    // validated before it is copied: a valid schedule is plain data
    const rangeProblem = libraryMessage(() => ctx.validateAt({ ...mine.options, ...saved } as O, steps, `group ${gi} options`));
    if (rangeProblem !== null) problems.push(rangeProblem);
    else out.push({ ...mine.options, ...structuredClone(saved) } as O);
  });
  return out.length === groups.length ? out : null;
}

/** The per-parameter state after loading (null when it cannot be built). */
function checkState<O extends object, S extends StateRecord>(ctx: LoadContext<O, S>, state: unknown, options: O[] | null, steps: number, problems: string[]): Map<string, S> | null {
  if (!isRecord(state)) {
    problems.push(`state is ${describeValue(state)}, expected an object keyed by parameter name`);
    return null;
  }
  const loaded = new Map<string, S>();
  for (const [n, rec] of Object.entries(state)) {
    const p = ctx.params.get(n);
    if (!p) {
      problems.push(`state for unknown parameter '${n}'`);
      continue;
    }
    if (!isRecord(rec)) {
      problems.push(`state of '${n}' is ${describeValue(rec)}, expected an object`);
      continue;
    }
    const gi = ctx.groups.findIndex((g) => g.params.includes(p));
    const fresh = ctx.freshState(p, options?.[gi] ?? ctx.groups[gi].options);
    const keys = Object.keys(fresh);
    const keyProblem = libraryMessage(() => assertOptionKeys(`'${n}' state`, rec, keys));
    if (keyProblem !== null) problems.push(keyProblem);
    const out: Record<string, StateValue> = {};
    for (const k of keys) {
      const want = fresh[k];
      const got = rec[k];
      const label = `'${n}'.${k}`;
      const ok =
        want instanceof Float32Array
          ? isBuffer(got) && got.length === want.length
          : want === null
            ? got === null || (isBuffer(got) && got.length === p.size)
            : typeof want === 'boolean'
              ? typeof got === 'boolean'
              : typeof got === 'number';
      if (!ok) {
        const expected =
          want instanceof Float32Array ? `${want.length} values` : want === null ? `null or ${p.size} values` : typeof want === 'boolean' ? 'true or false' : 'a number';
        problems.push(`${label} is ${describeValue(got)}, expected ${expected}`);
        continue;
      }
      if (isBuffer(got)) problems.push(...bufferProblems(label, got, NON_NEGATIVE_STATE.includes(k)));
      else if (k === 't' && (!isCount(got) || got > steps)) problems.push(`${label} is ${describeValue(got)}, expected an integer in [0, steps = ${steps}]`);
      else if (typeof got === 'number' && !Number.isFinite(got)) problems.push(`${label} is ${got}, expected a finite number`);
      if (isBuffer(got) || got === null || typeof got === 'number' || typeof got === 'boolean') out[k] = copyValue(got);
    }
    // `out` holds exactly the keys of a fresh state with values of the same kinds
    loaded.set(n, out as S);
  }
  return loaded;
}
