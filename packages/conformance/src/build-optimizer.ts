/**
 * The adapter from a case's `optimizer`, `hyper` and `param_groups` to a gapkit optimizer, generic
 * over the optimizer registry of @gapkit/optimizers: the entry is found by the case's `optimizer` name
 * (`registryEntryByReference`), and each registry hyperparameter reads its value from `hyper` under its
 * reference name (`partial` for Padam's p, `betas[0]` for β₁, reference spellings of choices mapped
 * back). A key the case leaves out takes the registry's default for a case (`referenceDefault`, the
 * reference code's class default where it differs from gapkit's, else gapkit's default). No name or
 * default is written here.
 *
 * What the registry cannot know is the format's own semantics, kept below: the per-step lr lists,
 * ND-Adam's vector/scalar roles and unit axes, LAWN's constrained set from names and group flags, and
 * the format's keys that gapkit has no option for (they must be neutral).
 */
import type { Parameter } from '@gapkit/autodiff';
import { type AnyOptimizer, type HyperParameter, hyperProblem, type RegistryEntry, registryEntryByReference } from '@gapkit/optimizers';
import { CaseError } from './case-error.js';
import type { Case, CaseGroup } from './schema/case.js';

/** A built optimizer and how to set each group's lr before step k+1. */
export interface BuiltOptimizer {
  optimizer: AnyOptimizer;
  setStep(k: number): void;
}

/** Per-step lists: the authoritative lr of each group is `param_groups[i].lr`. */
export const PER_STEP_KEYS = new Set(['lr', 'lr_vector', 'lr_scalar']);
/** Read by the runner itself (tensor roles and sets), or informational. */
export const RUNNER_KEYS = new Set(['vector_params', 'vec_axes', 'scalar_params', 'init_vectors', 'unconstrained_params']);
/** Format keys that some optimizers have no gapkit option for: accepted at their neutral value only. */
export const NEUTRAL: Readonly<Record<string, number>> = { weight_decay: 0, dampening: 0 };

function fail(c: Case, field: string, msg: string): never {
  throw new CaseError(`${c.file}: field '${field}' ${msg}`);
}

const spelling = (s: string) => s.replace(/\s+/g, '');

/** The case's value for `h` (undefined when the case leaves it out), in gapkit's terms. */
function caseValue(c: Case, h: HyperParameter): unknown {
  const ref = h.reference;
  if (!ref) return undefined;
  const raw = c.hyper[ref.key];
  const field = ref.index === undefined ? `hyper.${ref.key}` : `hyper.${ref.key}[${ref.index}]`;
  let v: unknown = ref.index === undefined ? raw : Array.isArray(raw) ? raw[ref.index] : raw;
  if (v === undefined) return 'referenceDefault' in h ? h.referenceDefault : undefined;
  if (ref.values && typeof v === 'string') {
    const want = spelling(v);
    const gapkit = Object.entries(ref.values).find(([, r]) => spelling(r) === want)?.[0];
    v = gapkit ?? fail(c, field, `must be one of ${Object.values(ref.values).map((r) => JSON.stringify(r)).join(', ')}, got ${JSON.stringify(v)}`);
  }
  const problem = hyperProblem(h, v);
  if (problem) fail(c, field, `is out of range: ${problem}`);
  return v;
}

/** The registry hyperparameter a group's `weight_decay` sets (ND-Adam: λ on the scalars). */
function groupDecayKey(entry: RegistryEntry): HyperParameter | undefined {
  const group = entry.hyperparameters.filter((h) => h.scope === 'group');
  return group.find((h) => h.reference?.key === 'weight_decay') ?? group.find((h) => h.key === 'weightDecay');
}

/** Checks that every `hyper` key is mapped by the registry, read by the runner, or neutral. */
function checkUnmapped(c: Case, entry: RegistryEntry): void {
  const mapped = new Set(entry.hyperparameters.flatMap((h) => (h.reference ? [h.reference.key] : [])));
  for (const [key, value] of Object.entries(c.hyper)) {
    if (mapped.has(key) || PER_STEP_KEYS.has(key) || RUNNER_KEYS.has(key)) continue;
    if (key in entry.fixed) {
      if (entry.fixed[key] !== value) fail(c, `hyper.${key}`, `is ${JSON.stringify(value)} but the optimizer is ${c.optimizer} (${key} ${JSON.stringify(entry.fixed[key])})`);
      continue;
    }
    if (key in NEUTRAL) {
      if (value !== NEUTRAL[key]) fail(c, `hyper.${key}`, `must be ${NEUTRAL[key]}: gapkit's ${entry.title} has no ${key}, got ${JSON.stringify(value)}`);
      continue;
    }
    fail(c, `hyper.${key}`, `is a format key that gapkit's ${entry.title} (registry '${entry.name}') does not map`);
  }
}

/** Builds the optimizer a case describes. */
export function buildOptimizer(c: Case, byName: Map<string, Parameter>): BuiltOptimizer {
  let entry: RegistryEntry;
  try {
    entry = registryEntryByReference(c.optimizer);
  } catch (e) {
    return fail(c, 'optimizer', (e as Error).message);
  }
  checkUnmapped(c, entry);
  const options: Record<string, unknown> = {};
  for (const h of entry.hyperparameters) {
    if (h.reference && PER_STEP_KEYS.has(h.reference.key)) continue;
    const v = caseValue(c, h);
    if (v !== undefined) options[h.key] = v;
  }
  const decay = groupDecayKey(entry);
  const lrKeys = entry.hyperparameters.filter((h) => h.scope === 'group' && h.reference && PER_STEP_KEYS.has(h.reference.key));
  const lrKeysOf = (g: CaseGroup): string[] => {
    // ND-Adam: a vector group's lr is α^v (`lr_vector`), a scalar group's α^s (`lr`); no role: both.
    const want = g.role === 'vector' ? 'lr_vector' : g.role === 'scalar' ? 'lr' : undefined;
    const keys = lrKeys.filter((h) => want === undefined || h.reference?.key === want);
    return (keys.length > 0 ? keys : lrKeys).map((h) => h.key);
  };
  const groups = c.param_groups.map((g, i) => {
    const spec: { params: Parameter[] } & Record<string, unknown> = { params: g.params.map((n) => byName.get(n) ?? fail(c, `param_groups[${i}].params`, `names unknown parameter '${n}'`)) };
    for (const k of lrKeysOf(g)) spec[k] = g.lr[0];
    if (g.weight_decay !== undefined) {
      if (decay) spec[decay.key] = g.weight_decay;
      else if (g.weight_decay !== 0) fail(c, `param_groups[${i}].weight_decay`, `must be 0: gapkit's ${entry.title} has no weight decay, got ${g.weight_decay}`);
    }
    return spec;
  });
  if (c.optimizer === 'ND-Adam') prepareNdAdam(c, byName, options);
  if (entry.fixed.base !== undefined) options.constrainedParams = lawnConstrainedSet(c, options.constrainedParams);
  let optimizer: AnyOptimizer;
  try {
    // The group and option objects were assembled from the registry's own keys; `create` validates them.
    optimizer = entry.create(groups, options);
  } catch (e) {
    throw new CaseError(`${c.file}: ${entry.title}: ${(e as Error).message}`);
  }
  const keysPerGroup = c.param_groups.map(lrKeysOf);
  return {
    optimizer,
    setStep: (k) =>
      optimizer.groups.forEach((g, i) => {
        const o = g.options as Record<string, unknown>;
        for (const key of keysPerGroup[i]) o[key] = c.param_groups[i].lr[k];
      }),
  };
}

/** ND-Adam: mark the unit vectors (their axes on the parameter's meta) from names, roles and `vec_axes`. */
function prepareNdAdam(c: Case, byName: Map<string, Parameter>, options: Record<string, unknown>): void {
  const names = (key: string): string[] => {
    const v = c.hyper[key];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  };
  const hyperAxes = c.hyper.vec_axes as Record<string, number[]> | number[] | undefined;
  const vectorNames = new Set(names('vector_params'));
  const scalarNames = new Set(names('scalar_params'));
  const noRoles = vectorNames.size === 0 && c.param_groups.every((g) => g.role === undefined && g.vec_axes === undefined);
  if (noRoles && hyperAxes !== undefined && !Array.isArray(hyperAxes)) {
    // Neither vector_params nor group roles: the tensors that `vec_axes` names are the vectors.
    for (const n of Object.keys(hyperAxes)) vectorNames.add(n);
  }
  for (const g of c.param_groups) for (const n of g.params) (g.role === 'vector' ? vectorNames : g.role === 'scalar' ? scalarNames : new Set<string>()).add(n);
  for (const n of vectorNames) {
    if (!byName.has(n)) fail(c, 'hyper.vector_params', `names unknown parameter '${n}'`);
    if (scalarNames.has(n)) fail(c, 'hyper.scalar_params', `names '${n}', which is also a vector parameter`);
  }
  const pick = (m: Record<string, number[]> | number[] | undefined, name: string): number[] | undefined => (Array.isArray(m) ? m : m?.[name]);
  for (const n of vectorNames) {
    const p = byName.get(n);
    if (!p) continue;
    const group = c.param_groups.find((g) => g.params.includes(n));
    // Default: every axis except the first (one unit per output row; docs/conformance/README.md "ND-Adam").
    p.meta.unitAxes = pick(group?.vec_axes, n) ?? pick(hyperAxes, n) ?? p.shape.slice(1).map((_, i) => i + 1);
  }
  // gapkit's ND-Adam applies L2 to θ^s only. On unit-norm vectors λ·w is projected out exactly; on
  // vectors not normalized at init it would change step 1, so that is refused.
  const normalizeAtInit = options.normalizeAtInit ?? options.variant !== 'code';
  c.param_groups.forEach((g, i) => {
    if (!normalizeAtInit && g.weight_decay && g.params.some((n) => vectorNames.has(n))) {
      fail(c, `param_groups[${i}].weight_decay`, `is ${g.weight_decay} on unit vectors that are not normalized at init; ND-Adam applies L2 only to scalars`);
    }
  });
}

/** LAWN: the constrained tensors from `constrained_params`, `unconstrained_params` and the groups' `constrained` flags. */
function lawnConstrainedSet(c: Case, named: unknown): string[] | undefined {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const constrained = new Set(list(named));
  const unconstrained = new Set(list(c.hyper.unconstrained_params));
  for (const g of c.param_groups) {
    if (g.constrained === true) for (const n of g.params) constrained.add(n);
    if (g.constrained === false) for (const n of g.params) unconstrained.add(n);
  }
  for (const n of constrained) if (unconstrained.has(n)) fail(c, 'hyper.unconstrained_params', `names '${n}', which is also constrained`);
  // Only the unconstrained tensors named: every other tensor is constrained. Neither: LAWN's default rule.
  if (constrained.size === 0 && unconstrained.size > 0) {
    for (const g of c.param_groups) for (const n of g.params) if (!unconstrained.has(n)) constrained.add(n);
  }
  for (const n of constrained) {
    if (!c.param_groups.some((g) => g.params.includes(n))) fail(c, 'hyper.constrained_params', `names '${n}', which is in no param group`);
  }
  return constrained.size > 0 || named !== undefined ? [...constrained] : undefined;
}
