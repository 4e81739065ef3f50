/**
 * Closed-loop cases with the paper optimizers and the newer baselines (the public closed-loop cases
 * only use SGD). The model and batch are those of the public cnn_sgd_momentum.json; the expected
 * trajectory comes from the independent float64 reference (src/reference/float64.ts) stepped in lock step, with the
 * engine's gradients taken at the reference's own parameters. The cases also use the format's less
 * common corners: a tensor in no group (ND-Adam's fixed BN scale), several groups sharing a role,
 * `lr_vector` / `lr_scalar` / `hyper.lr` lists, a group without `lr`, `weight_decay` in both `hyper`
 * and a group, no `weight_decay_mode`, `steps` shorter than the arrays, LAWN constraint flags given
 * only on the groups.
 */
import { Tensor } from '@gapkit/autodiff';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../src/parse-case.js';
import { buildModel } from '../src/model.js';
import { buildParams } from '../src/params.js';
import { runCase } from '../src/run.js';
import { type RefGroup, referenceStepper } from '../src/reference/float64.js';
import { hasSharedCases, readSharedCase, skipReason } from './shared-cases.js';

const CNN = 'cnn_sgd_momentum.json';

type Raw = Record<string, unknown> & { steps: number; params: { name: string; shape: number[]; init: number[] }[] };

const cosine = (base: number, n: number) => Array.from({ length: n }, (_, k) => base * 0.5 * (1 + Math.cos((Math.PI * k) / n)));

interface Spec {
  name: string;
  optimizer: string;
  /** `hyper` as written in the case. */
  hyper: Record<string, unknown>;
  /** `param_groups` as written in the case. */
  groups: Record<string, unknown>[];
  /** What the reference needs instead, when the case leaves it to the runner's fallbacks. */
  refHyper?: Record<string, unknown>;
  refGroups?: RefGroup[];
  /** Top-level keys to add (e.g. `lr`, `lr_vector`). */
  top?: Record<string, unknown>;
  /** Run fewer steps than the arrays hold. */
  steps?: number;
}

/** A closed-loop case on the CNN of the public case, expected values from the lock-step float64 reference. */
function closedLoopCase(spec: Spec): Record<string, unknown> {
  const cnn = readSharedCase(CNN) as Raw;
  const model = parseCase(cnn, CNN);
  const params = buildParams(model);
  const net = buildModel(model, params);
  const x = new Tensor(Float32Array.from(model.inputs!), model.model!.input_shape);
  const labels = Int32Array.from(model.labels!);
  const ref = referenceStepper({
    optimizer: spec.optimizer,
    hyper: spec.refHyper ?? spec.hyper,
    param_groups: spec.refGroups ?? (spec.groups as unknown as RefGroup[]),
    steps: cnn.steps,
    params: cnn.params,
  });
  const expected: Record<string, number[]>[] = [];
  for (let k = 0; k < cnn.steps; k++) {
    const at = ref.current();
    for (const [n, p] of params) {
      p.data.set(at[n]);
      p.grad = null;
    }
    net.loss(x, labels, true).backward();
    expected.push(ref.step(Object.fromEntries([...params].map(([n, p]) => [n, p.grad ? Array.from(p.grad.data) : null]))));
  }
  const { losses: _l, grad0: _g, grads_per_step: _gs, expected_buffers: _b, tolerance_by_field: _t, ...rest } = cnn;
  return {
    ...rest,
    ...spec.top,
    name: spec.name,
    reference: 'own float64 implementation (packages/conformance/src/reference/float64.ts), engine gradients in lock step',
    optimizer: spec.optimizer,
    hyper: spec.hyper,
    param_groups: spec.groups,
    steps: spec.steps ?? cnn.steps,
    expected,
    tolerance: { rtol: 1e-3, atol: 1e-5 },
  };
}

const N = 10;
const SPECS: Spec[] = [
  {
    name: 'cl_nd_adam_paper_fixed_bn_scale',
    optimizer: 'ND-Adam',
    hyper: {
      betas: [0.9, 0.999],
      eps: 1e-8,
      variant: 'paper',
      vector_params: ['conv.weight', 'fc.weight'],
      vec_axes: { 'conv.weight': [1, 2, 3], 'fc.weight': [1] },
      scalar_params: ['bn.bias', 'fc.bias'],
      scalar_weight_decay: 1e-3,
      normalize_at_init: true,
      lr: cosine(0.01, N),
    },
    // bn.weight is in no group: not trained (ND-Adam's code fixes the BN scale)
    groups: [
      { params: ['conv.weight', 'fc.weight'], role: 'vector' },
      { params: ['bn.bias', 'fc.bias'], role: 'scalar' },
    ],
    refGroups: [
      { params: ['conv.weight', 'fc.weight'], role: 'vector', lr: cosine(0.05, N) },
      { params: ['bn.bias', 'fc.bias'], role: 'scalar', lr: cosine(0.01, N) },
    ],
    top: { lr: cosine(0.01, N), lr_vector: cosine(0.05, N), lr_scalar: cosine(0.01, N) },
  },
  {
    name: 'cl_nd_adam_code_two_vector_groups',
    optimizer: 'ND-Adam',
    hyper: { betas: [0.9, 0.99], eps: 1e-3, variant: 'code', scalar_weight_decay: 5e-3, normalize_at_init: false },
    groups: [
      { params: ['conv.weight'], role: 'vector', vec_axes: { 'conv.weight': [1, 2, 3] }, lr: cosine(0.04, N) },
      { params: ['fc.weight'], role: 'vector', vec_axes: [1], lr: cosine(0.02, N) },
      { params: ['bn.weight', 'bn.bias', 'fc.bias'], role: 'scalar', lr: cosine(0.04, N) },
    ],
  },
  {
    name: 'cl_adam_group_without_lr_short_steps',
    optimizer: 'Adam',
    // no weight_decay_mode: 'Adam' means L2; the group's weight_decay wins over hyper's
    hyper: { betas: [0.9, 0.99], eps: 1e-8, weight_decay: 1e-2, amsgrad: true },
    groups: [
      { params: ['conv.weight', 'fc.weight'], lr: cosine(0.01, N) },
      { params: ['bn.weight', 'bn.bias', 'fc.bias'], weight_decay: 0 },
    ],
    refGroups: [
      { params: ['conv.weight', 'fc.weight'], lr: cosine(0.01, N) },
      { params: ['bn.weight', 'bn.bias', 'fc.bias'], weight_decay: 0, lr: cosine(0.005, N) },
    ],
    top: { lr: cosine(0.005, N) },
    steps: 7,
  },
  {
    name: 'cl_adam_lawn_group_flags',
    optimizer: 'Adam-LAWN',
    hyper: { base: 'adam', betas: [0.9, 0.999], eps: 1e-6, weight_decay: 0, free_steps: 3, reset_moments_at_switch: true },
    groups: [
      { params: ['conv.weight', 'fc.weight'], lr: cosine(0.02, N), constrained: true },
      { params: ['bn.weight', 'bn.bias', 'fc.bias'], lr: cosine(0.01, N), constrained: false },
    ],
    refHyper: {
      base: 'adam',
      betas: [0.9, 0.999],
      eps: 1e-6,
      free_steps: 3,
      reset_moments_at_switch: true,
      constrained_params: ['conv.weight', 'fc.weight'],
    },
  },
  {
    name: 'cl_sgd_lawn_nesterov_reset',
    optimizer: 'SGD-LAWN',
    hyper: { base: 'sgd', momentum: 0.9, dampening: 0, nesterov: true, weight_decay: 0, free_steps: 4, constrained_params: ['conv.weight', 'fc.weight'], reset_moments_at_switch: true },
    groups: [{ params: ['conv.weight', 'bn.weight', 'bn.bias', 'fc.weight', 'fc.bias'], lr: cosine(0.1, N) }],
  },
  {
    name: 'cl_adabound',
    optimizer: 'AdaBound',
    hyper: { betas: [0.9, 0.999], eps: 1e-8, weight_decay: 5e-4, final_lr: 0.1, gamma: 0.1, amsbound: false },
    groups: [{ params: ['conv.weight', 'bn.weight', 'bn.bias', 'fc.weight', 'fc.bias'], lr: cosine(0.01, N) }],
  },
  {
    name: 'cl_yogi',
    optimizer: 'Yogi',
    hyper: { betas: [0.9, 0.999], eps: 1e-3, initial_accumulator: 1e-6, weight_decay: 0 },
    groups: [{ params: ['conv.weight', 'bn.weight', 'bn.bias', 'fc.weight', 'fc.bias'], lr: cosine(0.01, N) }],
  },
  {
    name: 'cl_radam_sgd_start',
    optimizer: 'RAdam',
    hyper: { betas: [0.9, 0.9], eps: 1e-8, weight_decay: 1e-2, degenerated_to_sgd: true },
    groups: [{ params: ['conv.weight', 'bn.weight', 'bn.bias', 'fc.weight', 'fc.bias'], lr: cosine(0.01, N) }],
  },
  {
    name: 'cl_adams_amsgrad',
    optimizer: 'AdamS',
    hyper: { betas: [0.9, 0.999], eps: 1e-8, amsgrad: true },
    groups: [
      { params: ['conv.weight', 'fc.weight'], lr: cosine(0.01, N), weight_decay: 0.5 },
      { params: ['bn.weight', 'bn.bias', 'fc.bias'], lr: cosine(0.01, N), weight_decay: 0 },
    ],
  },
];

describe.skipIf(!hasSharedCases)(`closed-loop cases with the paper optimizers (lock-step float64 reference) ${skipReason('closed-loop optimizers') ?? ''}`, () => {
  it.each(SPECS.map((s) => [s.name, s]))('%s passes', (_name, spec) => {
    const r = runCase(parseCase(closedLoopCase(spec), `${spec.name}.json`));
    expect(r.error).toBeUndefined();
    expect(r.worst.fraction).toBeLessThan(0.5);
    expect(r.passed).toBe(true);
  });

  it('the comparison can fail: ND-Adam without the construction-time normalization misses the trajectory', () => {
    const raw = closedLoopCase(SPECS[0]);
    (raw.hyper as Record<string, unknown>).normalize_at_init = false;
    expect(runCase(parseCase(raw, 'x.json')).passed).toBe(false);
  });
});
