/**
 * A conformance case (../shared/conformance/README.md, format_version 1): parsing and validation.
 * Every error names the file and the field. Unknown top-level keys are informational and ignored;
 * unknown `param_groups` options are errors (the optimizer name and `hyper` keys are checked when the
 * optimizer is built, layer ops when the model is built).
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
  /** One lr per step; index k is used by step k+1. */
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
  const c = json;
  if (c.format_version !== 1) fail('format_version', `must be 1, got ${JSON.stringify(c.format_version)}`);
  if (typeof c.name !== 'string') fail('name', 'must be a string');
  if (c.kind !== 'replay' && c.kind !== 'closed-loop') fail('kind', `must be "replay" or "closed-loop", got ${JSON.stringify(c.kind)}`);
  if (typeof c.optimizer !== 'string') fail('optimizer', 'must be a string');
  if (!isObj(c.hyper)) fail('hyper', 'must be an object');
  const steps = c.steps;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1) fail('steps', `must be a positive integer, got ${JSON.stringify(steps)}`);
  const nSteps = steps as number;

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
    if (!isNumArray(g.lr) || g.lr.length !== nSteps) fail(`${f}.lr`, `must hold one number per step (${nSteps})`);
    if (g.weight_decay !== undefined && typeof g.weight_decay !== 'number') fail(`${f}.weight_decay`, 'must be a number');
    if (g.role !== undefined && g.role !== 'vector' && g.role !== 'scalar') fail(`${f}.role`, `must be "vector" or "scalar", got ${JSON.stringify(g.role)}`);
    if (g.constrained !== undefined && typeof g.constrained !== 'boolean') fail(`${f}.constrained`, 'must be true or false');
  }
  for (const n of names) if (!grouped.has(n)) fail('param_groups', `leaves parameter '${n}' out of every group`);

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
  if (!Array.isArray(c.expected) || c.expected.length !== nSteps) fail('expected', `must hold one entry per step (${nSteps})`);
  for (const [k, e] of (c.expected as unknown[]).entries()) checkTensorMap(e, `expected[${k}]`, false);
  const checkTol = (t: unknown, f: string): void => {
    if (!isObj(t) || typeof t.rtol !== 'number' || typeof t.atol !== 'number' || t.rtol < 0 || t.atol < 0) {
      fail(f, 'must be {rtol, atol} with non-negative numbers');
    }
  };
  checkTol(c.tolerance, 'tolerance');

  if (c.kind === 'replay') {
    if (!Array.isArray(c.grads) || c.grads.length !== nSteps) fail('grads', `must hold one entry per step (${nSteps})`);
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
    if (c.losses !== undefined && (!isNumArray(c.losses) || c.losses.length !== nSteps + 1)) fail('losses', `must hold ${nSteps + 1} numbers`);
    if (c.grad0 !== undefined) checkTensorMap(c.grad0, 'grad0', false);
    if (c.grads_per_step !== undefined) {
      if (!Array.isArray(c.grads_per_step) || c.grads_per_step.length !== nSteps) fail('grads_per_step', `must hold ${nSteps} entries`);
      for (const [k, g] of (c.grads_per_step as unknown[]).entries()) checkTensorMap(g, `grads_per_step[${k}]`, false);
    }
    if (c.expected_buffers !== undefined && (!Array.isArray(c.expected_buffers) || c.expected_buffers.length !== nSteps)) {
      fail('expected_buffers', `must hold ${nSteps} entries`);
    }
    if (c.tolerance_by_field !== undefined) {
      if (!isObj(c.tolerance_by_field)) fail('tolerance_by_field', 'must be an object');
      for (const [k, t] of Object.entries(c.tolerance_by_field as Json)) checkTol(t, `tolerance_by_field.${k}`);
    }
  }
  return { ...(c as unknown as ConformanceCase), file };
}
