/**
 * A conformance case (../shared/conformance/README.md, format_version 1): parsing and validation.
 * Every error names the file and the field. Unknown top-level keys are informational and ignored;
 * unknown `param_groups` options are errors (the optimizer name and `hyper` keys are checked when the
 * optimizer is built, layer ops when the model is built).
 *
 * Per-step arrays (`lr`, `grads`, `expected`, `losses`, …) must cover at least `steps` steps; only
 * the first `steps` entries are used. A group without `lr` takes the case's per-step lr list (for
 * ND-Adam, `lr_vector` / `lr_scalar` by the group's role). A parameter in no group is not optimized.
 */

/** `abs(actual − expected) <= atol + rtol·abs(expected)`. */
export interface Tolerance {
  rtol: number;
  atol: number;
}

export type TensorMap = Record<string, number[]>;

export interface CaseParam {
  name: string;
  shape: number[];
  role: 'weight' | 'bias' | 'norm-scale' | 'norm-shift';
  init: number[];
}

export interface CaseGroup {
  params: string[];
  /** One lr per step; index k is used by step k+1 (filled from the case's lr list when the group has none). */
  lr: number[];
  weight_decay?: number;
  role?: 'vector' | 'scalar';
  vec_axes?: Record<string, number[]> | number[];
  constrained?: boolean;
}

export interface CaseLayer {
  op: string;
  [field: string]: unknown;
}

export interface CaseModel {
  input_shape: number[];
  layers: CaseLayer[];
  loss: { op: string; [field: string]: unknown };
}

export interface ConformanceCase {
  /** Where the case came from (for messages). */
  file: string;
  name: string;
  kind: 'replay' | 'closed-loop';
  optimizer: string;
  hyper: Record<string, unknown>;
  param_groups: CaseGroup[];
  steps: number;
  params: CaseParam[];
  /** Replay: grads[k][name] drives step k+1; null = no gradient. */
  grads?: Array<Record<string, number[] | null>>;
  expected: TensorMap[];
  tolerance: Tolerance;
  model?: CaseModel;
  inputs?: number[];
  labels?: number[];
  losses?: number[];
  grad0?: TensorMap;
  grads_per_step?: TensorMap[];
  expected_buffers?: TensorMap[];
  tolerance_by_field?: Partial<Record<'expected' | 'losses' | 'grad0' | 'grads_per_step' | 'expected_buffers', Tolerance>>;
}

/** A malformed case: names the file and the field. */
export class CaseError extends Error {
  override name = 'CaseError';
}

const GROUP_KEYS = ['params', 'lr', 'weight_decay', 'role', 'vec_axes', 'constrained'];

/** README "Tolerances": used when a case does not state its own. */
export const DEFAULT_TOLERANCE: Record<'replay' | 'closed-loop', Tolerance> = {
  replay: { rtol: 1e-4, atol: 1e-6 },
  'closed-loop': { rtol: 1e-3, atol: 1e-5 },
};

/** Names a case may use in `tolerance_by_field` for each compared field (float32_check's names too). */
const TOLERANCE_ALIASES: Record<string, ReadonlyArray<keyof NonNullable<ConformanceCase['tolerance_by_field']>>> = {
  expected: ['expected'],
  params: ['expected'],
  losses: ['losses'],
  grad0: ['grad0'],
  grads_per_step: ['grads_per_step'],
  grads: ['grad0', 'grads_per_step'],
  expected_buffers: ['expected_buffers'],
  buffers: ['expected_buffers'],
};
const ROLES = ['weight', 'bias', 'norm-scale', 'norm-shift'];

type Json = Record<string, unknown>;

function isObj(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isNumArray(x: unknown): x is number[] {
  return Array.isArray(x) && x.every((v) => typeof v === 'number');
}

/** Parses and validates a case; `file` is used in error messages. */
export function parseCase(json: unknown, file: string): ConformanceCase {
  const fail = (field: string, msg: string): never => {
    throw new CaseError(`${file}: field '${field}' ${msg}`);
  };
  if (!isObj(json)) return fail('(root)', 'must be a JSON object');
  const c = structuredClone(json); // normalized below (lr lists, cut arrays); the caller's object is left alone
  if (c.format_version !== 1) fail('format_version', `must be 1, got ${JSON.stringify(c.format_version)}`);
  if (typeof c.name !== 'string') fail('name', 'must be a string');
  if (c.kind !== 'replay' && c.kind !== 'closed-loop') fail('kind', `must be "replay" or "closed-loop", got ${JSON.stringify(c.kind)}`);
  if (typeof c.optimizer !== 'string') fail('optimizer', 'must be a string');
  if (c.hyper === undefined) c.hyper = {};
  if (!isObj(c.hyper)) fail('hyper', 'must be an object');
  const hyper = c.hyper as Json;
  const steps = c.steps;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1) fail('steps', `must be a positive integer, got ${JSON.stringify(steps)}`);
  const nSteps = steps as number;
  /** At least one entry per step (longer arrays are cut to `steps`). */
  const perStep = (x: unknown, f: string, extra = 0): unknown[] => {
    if (!Array.isArray(x) || x.length < nSteps + extra) return fail(f, `must hold at least ${nSteps + extra} entries (steps = ${nSteps})`);
    return x.slice(0, nSteps + extra);
  };
  /** A per-step lr list from a list (cut to `steps`) or one number (every step). */
  const lrList = (x: unknown, f: string): number[] => {
    if (typeof x === 'number') return new Array(nSteps).fill(x);
    const l = perStep(x, f);
    if (!isNumArray(l)) return fail(f, 'must be numbers');
    return l;
  };

  if (!Array.isArray(c.params) || c.params.length === 0) fail('params', 'must be a non-empty array');
  const names = new Set<string>();
  const sizes = new Map<string, number>();
  for (const [i, p] of (c.params as unknown[]).entries()) {
    const f = `params[${i}]`;
    if (!isObj(p)) return fail(f, 'must be an object');
    if (typeof p.name !== 'string') fail(`${f}.name`, 'must be a string');
    if (names.has(p.name as string)) fail(`${f}.name`, `repeats '${p.name}'`);
    names.add(p.name as string);
    if (!isNumArray(p.shape) || p.shape.some((d) => !Number.isInteger(d) || d < 1)) fail(`${f}.shape`, 'must be positive integers');
    if (!ROLES.includes(p.role as string)) fail(`${f}.role`, `must be one of ${ROLES.join(', ')}, got ${JSON.stringify(p.role)}`);
    const size = (p.shape as number[]).reduce((a, b) => a * b, 1);
    if (!isNumArray(p.init) || p.init.length !== size) fail(`${f}.init`, `must hold ${size} numbers (shape [${p.shape}])`);
    sizes.set(p.name as string, size);
  }

  if (!Array.isArray(c.param_groups) || c.param_groups.length === 0) fail('param_groups', 'must be a non-empty array');
  const grouped = new Set<string>();
  for (const [i, g] of (c.param_groups as unknown[]).entries()) {
    const f = `param_groups[${i}]`;
    if (!isObj(g)) return fail(f, 'must be an object');
    for (const k of Object.keys(g)) if (!GROUP_KEYS.includes(k)) fail(`${f}.${k}`, `is not a known group option (known: ${GROUP_KEYS.join(', ')})`);
    if (!Array.isArray(g.params) || !g.params.every((n) => typeof n === 'string')) return fail(`${f}.params`, 'must be a list of names');
    for (const n of g.params as string[]) {
      if (!names.has(n)) fail(`${f}.params`, `names unknown parameter '${n}'`);
      if (grouped.has(n)) fail(`${f}.params`, `repeats '${n}' (already in another group)`);
      grouped.add(n);
    }
    if (g.lr !== undefined) g.lr = lrList(g.lr, `${f}.lr`);
    else {
      // README: the authoritative lr lives in the group; without one, the case's own per-step list.
      const byRole = c.optimizer === 'ND-Adam' ? (g.role === 'vector' ? 'lr_vector' : g.role === 'scalar' ? 'lr_scalar' : undefined) : undefined;
      const from = [byRole, g.role === 'vector' ? undefined : 'lr']
        .filter((k): k is string => k !== undefined)
        .flatMap((k) => [
          [k, c[k]],
          [`hyper.${k}`, hyper[k]],
        ])
        .find(([, v]) => v !== undefined);
      if (!from) fail(`${f}.lr`, 'is missing, and the case has no per-step lr list to use instead');
      g.lr = lrList(from?.[1], String(from?.[0]));
    }
    if (g.weight_decay !== undefined && typeof g.weight_decay !== 'number') fail(`${f}.weight_decay`, 'must be a number');
    if (g.role !== undefined && g.role !== 'vector' && g.role !== 'scalar') fail(`${f}.role`, `must be "vector" or "scalar", got ${JSON.stringify(g.role)}`);
    if (g.constrained !== undefined && typeof g.constrained !== 'boolean') fail(`${f}.constrained`, 'must be true or false');
  }

  const checkTensorMap = (m: unknown, f: string, allowNull: boolean): void => {
    if (!isObj(m)) {
      fail(f, 'must be an object of name → values');
      return;
    }
    for (const [n, v] of Object.entries(m)) {
      if (!sizes.has(n)) fail(`${f}.${n}`, 'is not a parameter of this case');
      if (v === null && allowNull) continue;
      if (!isNumArray(v) || v.length !== sizes.get(n)) fail(`${f}.${n}`, `must hold ${sizes.get(n)} numbers${allowNull ? ' or be null' : ''}`);
    }
  };
  c.expected = perStep(c.expected, 'expected');
  for (const [k, e] of (c.expected as unknown[]).entries()) checkTensorMap(e, `expected[${k}]`, false);
  const checkTol = (t: unknown, f: string): void => {
    if (!isObj(t) || typeof t.rtol !== 'number' || typeof t.atol !== 'number' || t.rtol < 0 || t.atol < 0) {
      fail(f, 'must be {rtol, atol} with non-negative numbers');
    }
  };
  const byField = c.tolerance_by_field;
  if (byField !== undefined) {
    if (!isObj(byField)) fail('tolerance_by_field', 'must be an object');
    const out: Record<string, unknown> = {};
    for (const [k, t] of Object.entries(byField as Json)) {
      checkTol(t, `tolerance_by_field.${k}`);
      const targets = TOLERANCE_ALIASES[k];
      if (!targets) fail(`tolerance_by_field.${k}`, `is not a compared field (known: ${Object.keys(TOLERANCE_ALIASES).join(', ')})`);
      for (const f of targets) if (!(f in out) || f === k) out[f] = t; // the exact name wins over an alias
    }
    c.tolerance_by_field = out;
  }
  if (c.tolerance === undefined) c.tolerance = (c.tolerance_by_field as Json | undefined)?.expected ?? DEFAULT_TOLERANCE[c.kind as 'replay' | 'closed-loop'];
  checkTol(c.tolerance, 'tolerance');

  if (c.kind === 'replay') {
    c.grads = perStep(c.grads, 'grads');
    for (const [k, g] of (c.grads as unknown[]).entries()) checkTensorMap(g, `grads[${k}]`, true);
  } else {
    const m = c.model;
    if (!isObj(m)) return fail('model', 'must be an object');
    if (!isNumArray(m.input_shape)) fail('model.input_shape', 'must be a list of sizes');
    if (!Array.isArray(m.layers) || !m.layers.every((l) => isObj(l) && typeof l.op === 'string')) fail('model.layers', 'must be a list of {op, …}');
    if (!isObj(m.loss) || typeof m.loss.op !== 'string') fail('model.loss', 'must be {op, …}');
    const inSize = (m.input_shape as number[]).reduce((a, b) => a * b, 1);
    if (!isNumArray(c.inputs) || c.inputs.length !== inSize) fail('inputs', `must hold ${inSize} numbers (model.input_shape)`);
    const batch = (m.input_shape as number[])[0];
    if (!isNumArray(c.labels) || c.labels.length !== batch || c.labels.some((y) => !Number.isInteger(y) || y < 0)) {
      fail('labels', `must hold ${batch} class indices`);
    }
    if (c.losses !== undefined) {
      const l = perStep(c.losses, 'losses', 1);
      if (!isNumArray(l)) fail('losses', 'must be numbers');
      // losses[steps] is the loss after the last step, even when the list runs further
      c.losses = l;
    }
    if (c.grad0 !== undefined) checkTensorMap(c.grad0, 'grad0', false);
    if (c.grads_per_step !== undefined) {
      c.grads_per_step = perStep(c.grads_per_step, 'grads_per_step');
      for (const [k, g] of (c.grads_per_step as unknown[]).entries()) checkTensorMap(g, `grads_per_step[${k}]`, false);
    }
    if (c.expected_buffers !== undefined) {
      c.expected_buffers = perStep(c.expected_buffers, 'expected_buffers');
      for (const [k, b] of (c.expected_buffers as unknown[]).entries()) {
        if (!isObj(b) || !Object.values(b).every(isNumArray)) fail(`expected_buffers[${k}]`, 'must map buffer names to numbers');
      }
    }
  }
  return { ...(c as unknown as ConformanceCase), file };
}
