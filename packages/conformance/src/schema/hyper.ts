/**
 * The `hyper` object of a case, per `optimizer` name: every key the format allows, under the
 * reference code's names, with its type (docs/conformance/README.md "Every optimizer name and
 * `hyper` key"). An optimizer's `hyper` is a strict object: a key not listed for it is an error.
 * Absent keys take gapkit's documented default for that hyperparameter.
 */
import { z } from 'zod';

const num = z.number();
const nonNegative = z.number().min(0);
const names = z.array(z.string()).describe('parameter names');
/** Axes (of one tensor, or per tensor name) that form one unit vector. */
const axes = z.array(z.int().min(0));
export const vecAxesSchema = z.union([z.record(z.string(), axes), axes]).describe('per tensor name, the axes that form one unit vector');
const perStepOrOne = z.union([num, z.array(num)]);

/** Every key the format names, with its type; optimizers pick from these. */
const KEY = {
  betas: z.tuple([num, num]).describe('(β₁, β₂)'),
  eps: nonNegative.describe('ε'),
  weight_decay: nonNegative.describe('λ'),
  momentum: num.describe('μ'),
  dampening: num.describe('τ'),
  nesterov: z.boolean(),
  amsgrad: z.boolean(),
  weight_decay_mode: z.enum(['l2', 'decoupled']).describe('"l2": added to the gradient; "decoupled": θ ← θ·(1 − η·λ) first'),
  partial: num.describe("Padam's p"),
  padam_bias_correction: z.enum(['code', 'none', 'consistent']).describe('"code": step = η·√(1−β₂ᵗ)/(1−β₁ᵗ)·m/(√v̂ₘₐₓ + ε)^{2p}'),
  lamb_bias_correction: z.boolean(),
  phi: z.enum(['identity', 'min(||w||, 10)', 'min(||w||,10)']).describe('φ of the LAMB trust ratio'),
  variant: z.enum(['paper', 'code']).describe('"paper": ε added to √v̂ after bias correction; "code": ε added to √v before it'),
  vector_params: names,
  vec_axes: vecAxesSchema,
  scalar_params: names,
  scalar_weight_decay: nonNegative.describe('L2 on the scalar group'),
  normalize_at_init: z.boolean(),
  init_vectors: z.unknown().describe('informational'),
  base: z.enum(['adam', 'lamb', 'sgd']),
  free_steps: z.int().min(0).describe('steps of the free phase'),
  constrained_params: names,
  unconstrained_params: names,
  reset_moments_at_switch: z.boolean(),
  final_lr: nonNegative,
  gamma: num.describe('γ'),
  amsbound: z.boolean(),
  initial_accumulator: num,
  degenerated_to_sgd: z.boolean(),
  lr: perStepOrOne.describe('informational: the authoritative lr is param_groups[i].lr'),
  lr_vector: perStepOrOne.describe('informational (ND-Adam α^v)'),
  lr_scalar: perStepOrOne.describe('informational (ND-Adam α^s)'),
} as const;

const sgdKeys = { momentum: KEY.momentum, dampening: KEY.dampening, nesterov: KEY.nesterov, weight_decay: KEY.weight_decay };
const adamKeys = { betas: KEY.betas, eps: KEY.eps, weight_decay: KEY.weight_decay, amsgrad: KEY.amsgrad, weight_decay_mode: KEY.weight_decay_mode };
const lambKeys = { betas: KEY.betas, eps: KEY.eps, weight_decay: KEY.weight_decay, bias_correction: KEY.lamb_bias_correction, phi: KEY.phi };
const lawnKeys = {
  base: KEY.base,
  free_steps: KEY.free_steps,
  constrained_params: KEY.constrained_params,
  unconstrained_params: KEY.unconstrained_params,
  reset_moments_at_switch: KEY.reset_moments_at_switch,
};

/** A strict `hyper` object, every key optional; `lr` is accepted (informational) everywhere. */
const hyper = <S extends z.ZodRawShape>(optimizer: string, shape: S) =>
  z
    .strictObject(
      { ...shape, lr: KEY.lr },
      { error: (iss) => (iss.code === 'unrecognized_keys' ? `is not a known key for ${optimizer} (known: ${[...Object.keys(shape), 'lr'].join(', ')})` : undefined) },
    )
    .partial();

/** `hyper` schema per `optimizer` name. */
export const HYPER_SCHEMAS = {
  SGD: hyper('SGD', sgdKeys),
  SGDS: hyper('SGDS', sgdKeys),
  Adam: hyper('Adam', adamKeys),
  'Adam(amsgrad)': hyper('Adam(amsgrad)', adamKeys),
  AdamW: hyper('AdamW', adamKeys),
  AdamS: hyper('AdamS', { betas: KEY.betas, eps: KEY.eps, amsgrad: KEY.amsgrad, weight_decay: KEY.weight_decay }),
  Padam: hyper('Padam', { betas: KEY.betas, eps: KEY.eps, weight_decay: KEY.weight_decay, amsgrad: KEY.amsgrad, partial: KEY.partial, bias_correction: KEY.padam_bias_correction }),
  'ND-Adam': hyper('ND-Adam', {
    betas: KEY.betas,
    eps: KEY.eps,
    variant: KEY.variant,
    vector_params: KEY.vector_params,
    vec_axes: KEY.vec_axes,
    scalar_params: KEY.scalar_params,
    scalar_weight_decay: KEY.scalar_weight_decay,
    normalize_at_init: KEY.normalize_at_init,
    init_vectors: KEY.init_vectors,
    lr_vector: KEY.lr_vector,
    lr_scalar: KEY.lr_scalar,
  }),
  LAMB: hyper('LAMB', lambKeys),
  'Adam-LAWN': hyper('Adam-LAWN', { ...lawnKeys, betas: KEY.betas, eps: KEY.eps, weight_decay: KEY.weight_decay }),
  'LAMB-LAWN': hyper('LAMB-LAWN', { ...lawnKeys, ...lambKeys }),
  'SGD-LAWN': hyper('SGD-LAWN', { ...lawnKeys, ...sgdKeys }),
  AdaBound: hyper('AdaBound', { betas: KEY.betas, eps: KEY.eps, weight_decay: KEY.weight_decay, final_lr: KEY.final_lr, gamma: KEY.gamma, amsbound: KEY.amsbound }),
  Yogi: hyper('Yogi', { betas: KEY.betas, eps: KEY.eps, initial_accumulator: KEY.initial_accumulator, weight_decay: KEY.weight_decay }),
  RAdam: hyper('RAdam', { betas: KEY.betas, eps: KEY.eps, weight_decay: KEY.weight_decay, degenerated_to_sgd: KEY.degenerated_to_sgd }),
} as const;

export type OptimizerName = keyof typeof HYPER_SCHEMAS;
/** The case format's optimizer names, in the README's order. */
export const OPTIMIZER_NAMES = Object.keys(HYPER_SCHEMAS) as OptimizerName[];
/** `hyper` of optimizer N, typed. */
export type HyperOf<N extends OptimizerName> = z.output<(typeof HYPER_SCHEMAS)[N]>;

export function isOptimizerName(x: unknown): x is OptimizerName {
  return typeof x === 'string' && Object.hasOwn(HYPER_SCHEMAS, x);
}
