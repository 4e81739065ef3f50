/**
 * A conformance case, format_version 1 (docs/conformance/README.md), written once as a zod schema:
 * the structure, then the checks across fields (names, sizes, per-step lengths, the optimizer's
 * `hyper` keys), then the normalization the runner uses: every group gets a per-step `lr` list, the
 * per-step arrays are cut to `steps`, tolerances are resolved. `CaseJson` is what a file holds,
 * `Case` what the runner gets. Unknown top-level keys are informational and dropped.
 */
import { z } from 'zod';
import { HYPER_SCHEMAS, OPTIMIZER_NAMES, vecAxesSchema } from './hyper.js';
import { modelSchema } from './layers.js';

const num = z.number();
const informational = z.unknown().optional().describe('informational');
const perStepOrOne = z.union([num, z.array(num)]).describe('one value per step (index k is used by step k+1), or one value for every step');

/** `abs(actual − expected) <= atol + rtol·abs(expected)`. */
export const toleranceSchema = z.strictObject({ rtol: num.min(0), atol: num.min(0) });
export type Tolerance = z.output<typeof toleranceSchema>;

const tensorMap = z.record(z.string(), z.array(num)).describe('parameter name → flat row-major values');
const gradMap = z.record(z.string(), z.array(num).nullable()).describe('parameter name → gradient values, or null for no gradient at this step');

export const PARAM_ROLES = ['weight', 'bias', 'norm-scale', 'norm-shift'] as const;
const paramSchema = z.object({ name: z.string(), shape: z.array(z.int().min(1)), role: z.enum(PARAM_ROLES), init: z.array(num) });

const groupShape = {
  params: z.array(z.string()),
  lr: perStepOrOne.optional().describe('authoritative per-step lr of the group; absent: the case-level lr list'),
  weight_decay: num.min(0).optional(),
  role: z.enum(['vector', 'scalar']).optional().describe('ND-Adam'),
  vec_axes: vecAxesSchema.optional().describe('ND-Adam'),
  constrained: z.boolean().optional().describe('LAWN'),
};
const groupSchema = z.strictObject(groupShape, {
  error: (iss) => (iss.code === 'unrecognized_keys' ? `is not a known group option (known: ${Object.keys(groupShape).join(', ')})` : undefined),
});

/** Compared fields of a closed-loop case, and the names `tolerance_by_field` may give them. */
export const COMPARED_FIELDS = ['expected', 'losses', 'grad0', 'grads_per_step', 'expected_buffers'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];
const TOLERANCE_ALIASES: Record<string, readonly ComparedField[]> = {
  expected: ['expected'],
  params: ['expected'],
  losses: ['losses'],
  grad0: ['grad0'],
  grads_per_step: ['grads_per_step'],
  grads: ['grad0', 'grads_per_step'],
  expected_buffers: ['expected_buffers'],
  buffers: ['expected_buffers'],
};
const toleranceByField = z.strictObject(Object.fromEntries(Object.keys(TOLERANCE_ALIASES).map((k) => [k, toleranceSchema.optional()])), {
  error: (iss) => (iss.code === 'unrecognized_keys' ? `is not a compared field (known: ${Object.keys(TOLERANCE_ALIASES).join(', ')})` : undefined),
});

/** Tolerances of the README when a case does not state its own. */
export const DEFAULT_TOLERANCE = {
  replay: { rtol: 1e-4, atol: 1e-6 },
  'closed-loop': {
    expected: { rtol: 1e-3, atol: 1e-5 },
    losses: { rtol: 1e-4, atol: 1e-6 },
    grad0: { rtol: 1e-3, atol: 1e-6 },
    grads_per_step: { rtol: 1e-3, atol: 1e-6 },
    expected_buffers: { rtol: 1e-3, atol: 1e-5 },
  },
} as const satisfies { replay: Tolerance; 'closed-loop': Record<ComparedField, Tolerance> };

/** The structure of a case file. */
export const caseJsonSchema = z.object({
  format_version: z.literal(1),
  name: z.string().describe('case id'),
  kind: z.enum(['replay', 'closed-loop']),
  optimizer: z.enum(OPTIMIZER_NAMES, { error: (iss) => `names unknown optimizer ${JSON.stringify(iss.input)} (known: ${OPTIMIZER_NAMES.join(', ')})` }),
  reference: informational.describe('what produced the expected values'),
  description: informational,
  notes: informational,
  hyper: z.record(z.string(), z.unknown()).optional().describe("every hyperparameter as used, under the reference code's names; the keys allowed depend on `optimizer`"),
  param_groups: z.array(groupSchema).min(1),
  lr: perStepOrOne.optional().describe('informational per-step lr; used by a group without its own lr'),
  lr_vector: perStepOrOne.optional().describe('ND-Adam α^v per step; used by a vector group without lr'),
  lr_scalar: perStepOrOne.optional().describe('ND-Adam α^s per step; used by a scalar group without lr'),
  steps: z.int().min(1).describe('number of optimizer steps'),
  params: z.array(paramSchema).min(1),
  grads: z.array(gradMap).optional().describe('replay: grads[k] drives step k+1'),
  zero_grad_steps: informational,
  missing_grad_steps: informational,
  expected: z.array(tensorMap).describe('expected[k]: parameters after step k+1'),
  tolerance: toleranceSchema.optional(),
  model: modelSchema.optional().describe('closed loop'),
  inputs: z.array(num).optional().describe('closed loop: the flat input batch, shape model.input_shape'),
  labels: z.array(z.int().min(0)).optional().describe('closed loop: class indices'),
  losses: z.array(num).optional().describe('closed loop: losses[k] at the parameters after k steps, k = 0..steps'),
  losses_note: informational,
  grad0: tensorMap.optional().describe('closed loop: gradient at the initial parameters'),
  grads_per_step: z.array(tensorMap).optional().describe('closed loop: gradient used by every step'),
  expected_buffers: z.array(z.record(z.string(), z.array(num))).optional().describe('closed loop: BatchNorm running statistics after each step'),
  tolerance_by_field: toleranceByField.optional(),
  float32_check: informational,
  invariants: informational,
});
export type CaseJson = z.input<typeof caseJsonSchema>;
type Parsed = z.output<typeof caseJsonSchema>;

const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** The lr list a group without `lr` falls back to, and where it comes from. */
function fallbackLr(c: Parsed, g: Parsed['param_groups'][number]): { from: string; lr: number | number[] } | undefined {
  const hyper = c.hyper ?? {};
  const byRole = c.optimizer === 'ND-Adam' && g.role ? (g.role === 'vector' ? 'lr_vector' : 'lr_scalar') : undefined;
  const keys = [byRole, g.role === 'vector' ? undefined : 'lr'].filter((k): k is 'lr' | 'lr_vector' | 'lr_scalar' => k !== undefined);
  for (const k of keys) {
    if (c[k] !== undefined) return { from: k, lr: c[k] };
    const h = hyper[k];
    if (typeof h === 'number' || (Array.isArray(h) && h.every((x) => typeof x === 'number'))) return { from: `hyper.${k}`, lr: h };
  }
  return undefined;
}

/** The checks that span fields. */
function checkAcrossFields(c: Parsed, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const perStep = (x: readonly unknown[] | undefined, path: (string | number)[], extra = 0) => {
    if (x !== undefined && x.length < c.steps + extra) issue(path, `must hold at least ${c.steps + extra} entries (steps = ${c.steps}), got ${x.length}`);
  };
  const sizes = new Map<string, number>();
  c.params.forEach((p, i) => {
    if (sizes.has(p.name)) issue(['params', i, 'name'], `repeats '${p.name}'`);
    const n = sizeOf(p.shape);
    sizes.set(p.name, n);
    if (p.init.length !== n) issue(['params', i, 'init'], `must hold ${n} numbers (shape [${p.shape}]), got ${p.init.length}`);
  });
  const grouped = new Set<string>();
  c.param_groups.forEach((g, i) => {
    g.params.forEach((n, j) => {
      if (!sizes.has(n)) issue(['param_groups', i, 'params', j], `names unknown parameter '${n}'`);
      else if (grouped.has(n)) issue(['param_groups', i, 'params', j], `repeats '${n}' (already in another group)`);
      grouped.add(n);
    });
    if (Array.isArray(g.lr)) perStep(g.lr, ['param_groups', i, 'lr']);
    else if (g.lr === undefined) {
      const f = fallbackLr(c, g);
      if (!f) issue(['param_groups', i, 'lr'], 'is missing, and the case has no per-step lr list to use instead');
      else if (Array.isArray(f.lr)) perStep(f.lr, f.from.split('.'));
    }
  });
  const checkMap = (m: Record<string, readonly number[] | null>, path: (string | number)[], nullable: boolean) => {
    for (const [n, v] of Object.entries(m)) {
      const size = sizes.get(n);
      if (size === undefined) issue([...path, n], 'is not a parameter of this case');
      else if (v !== null && v.length !== size) issue([...path, n], `must hold ${size} numbers${nullable ? ' or be null' : ''}, got ${v.length}`);
    }
  };
  perStep(c.expected, ['expected']);
  c.expected.slice(0, c.steps).forEach((m, k) => {
    checkMap(m, ['expected', k], false);
  });
  const hyperSchema = HYPER_SCHEMAS[c.optimizer];
  const h = hyperSchema.safeParse(c.hyper ?? {}, { reportInput: true });
  if (!h.success) for (const iss of h.error.issues) ctx.addIssue({ ...iss, path: ['hyper', ...iss.path] } as z.core.$ZodRawIssue);
  if (c.kind === 'replay') {
    if (!c.grads) issue(['grads'], 'is missing (a replay case records the gradient of every step)');
    else {
      perStep(c.grads, ['grads']);
      c.grads.slice(0, c.steps).forEach((m, k) => {
        checkMap(m, ['grads', k], true);
      });
    }
    return;
  }
  if (!c.model) {
    issue(['model'], 'is missing (a closed-loop case describes its model)');
    return;
  }
  const inSize = sizeOf(c.model.input_shape);
  if (!c.inputs) issue(['inputs'], 'is missing');
  else if (c.inputs.length !== inSize) issue(['inputs'], `must hold ${inSize} numbers (model.input_shape [${c.model.input_shape}]), got ${c.inputs.length}`);
  const batch = c.model.input_shape[0];
  if (!c.labels) issue(['labels'], 'is missing');
  else if (c.labels.length !== batch) issue(['labels'], `must hold ${batch} class indices (model.input_shape[0]), got ${c.labels.length}`);
  perStep(c.losses, ['losses'], 1);
  if (c.grad0) checkMap(c.grad0, ['grad0'], false);
  perStep(c.grads_per_step, ['grads_per_step']);
  c.grads_per_step?.slice(0, c.steps).forEach((m, k) => {
    checkMap(m, ['grads_per_step', k], false);
  });
  perStep(c.expected_buffers, ['expected_buffers']);
}

const lrList = (lr: number | number[], steps: number): number[] => (typeof lr === 'number' ? new Array<number>(steps).fill(lr) : lr.slice(0, steps));

/** What the runner uses: per-step lists of exactly `steps` entries (losses: steps + 1), resolved tolerances. */
function normalize(c: Parsed) {
  const n = c.steps;
  const byField: Partial<Record<ComparedField, Tolerance>> = {};
  for (const [k, t] of Object.entries(c.tolerance_by_field ?? {})) {
    if (t === undefined) continue;
    for (const f of TOLERANCE_ALIASES[k]) if (!(f in byField) || f === k) byField[f] = t; // the exact name wins over an alias
  }
  const closed = DEFAULT_TOLERANCE['closed-loop'];
  const tolerance = c.tolerance ?? byField.expected ?? (c.kind === 'replay' ? DEFAULT_TOLERANCE.replay : closed.expected);
  return {
    ...c,
    hyper: c.hyper ?? {},
    param_groups: c.param_groups.map((g) => ({ ...g, lr: lrList(g.lr ?? fallbackLr(c, g)?.lr ?? [], n) })),
    grads: c.grads?.slice(0, n),
    expected: c.expected.slice(0, n),
    losses: c.losses?.slice(0, n + 1),
    grads_per_step: c.grads_per_step?.slice(0, n),
    expected_buffers: c.expected_buffers?.slice(0, n),
    tolerance,
    /** Tolerance of every compared field. */
    tolerances: Object.fromEntries(COMPARED_FIELDS.map((f) => [f, f === 'expected' ? tolerance : (byField[f] ?? closed[f])])) as Record<ComparedField, Tolerance>,
  };
}

/** A case file: structure, cross-field checks, normalization. */
export const caseSchema = caseJsonSchema.superRefine(checkAcrossFields).transform(normalize);

/** A parsed, normalized case, with the file it came from (for messages). */
export type Case = z.output<typeof caseSchema> & { file: string };
export type CaseGroup = Case['param_groups'][number];
export type CaseParam = Case['params'][number];
export type TensorMap = Record<string, number[]>;

