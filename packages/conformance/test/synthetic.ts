/**
 * Synthetic conformance cases in the case format (docs/conformance/README.md), one or more per
 * optimizer name of the format, with expected trajectories from the independent float64 reference
 * (src/reference/float64.ts). They exercise two
 * parameter groups with per-step learning rates (a cosine-shaped list), a missing gradient (null) and
 * an all-zero gradient; gradients shrink over the steps so that AMSGrad's running max matters.
 */
import type { CaseJson } from '../src/schema/case.js';
import { type RefCase, referenceTrajectory } from '../src/reference/float64.js';

const STEPS = 12;

const PARAMS = [
  { name: 'conv.weight', shape: [3, 2, 2, 2], role: 'weight' },
  { name: 'fc.weight', shape: [2, 3], role: 'weight' },
  { name: 'fc.bias', shape: [2], role: 'bias' },
  { name: 'bn.weight', shape: [3], role: 'norm-scale' },
  { name: 'bn.bias', shape: [3], role: 'norm-shift' },
] as const;

const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
const values = (n: number, seed: number, scale: number) => Array.from({ length: n }, (_, j) => Math.fround(scale * Math.sin(seed * 1.7 + j * 0.9 + 0.3)));

/** Gradients: fc.bias has none at step 4, bn.weight is all zero at step 6. */
function grads(steps: number): Array<Record<string, number[] | null>> {
  return Array.from({ length: steps }, (_, k) =>
    Object.fromEntries(
      PARAMS.map((p, i) => {
        if (p.name === 'fc.bias' && k === 3) return [p.name, null];
        if (p.name === 'bn.weight' && k === 5) return [p.name, new Array(size(p.shape)).fill(0)];
        return [p.name, values(size(p.shape), 10 * k + i + 1, (0.5 + 0.1 * i) * (1.6 - k / 8))]; // shrinking: AMSGrad's max matters
      }),
    ),
  );
}

const cosine = (base: number, steps: number) => Array.from({ length: steps }, (_, k) => base * 0.5 * (1 + Math.cos((Math.PI * k) / steps)));

export interface SyntheticSpec {
  name: string;
  optimizer: string;
  hyper: Record<string, unknown>;
  /** Two groups: weights (conv, fc) and the rest, with these base lrs and extra options. */
  weights: { lr: number; extra?: Record<string, unknown> };
  rest: { lr: number; extra?: Record<string, unknown> };
  /** Number of steps (default 12). */
  steps?: number;
}

/** Builds a full case (format_version 1) with its float64 expected trajectory. */
export function syntheticCase(spec: SyntheticSpec): CaseJson & Record<string, unknown> {
  const steps = spec.steps ?? STEPS;
  const params = PARAMS.map((p, i) => ({ ...p, shape: [...p.shape], init: values(size(p.shape), 100 + i, 0.4) }));
  const groups = [
    { params: ['conv.weight', 'fc.weight'], lr: cosine(spec.weights.lr, steps), ...spec.weights.extra },
    { params: ['fc.bias', 'bn.weight', 'bn.bias'], lr: cosine(spec.rest.lr, steps), ...spec.rest.extra },
  ];
  const ref: RefCase = { optimizer: spec.optimizer, hyper: spec.hyper, param_groups: groups, steps, params, grads: grads(steps) };
  return {
    format_version: 1,
    name: spec.name,
    kind: 'replay',
    optimizer: spec.optimizer as CaseJson['optimizer'],
    reference: 'own float64 implementation (packages/conformance/src/reference/float64.ts)',
    hyper: spec.hyper,
    param_groups: groups,
    steps,
    params,
    grads: ref.grads,
    expected: referenceTrajectory(ref),
    tolerance: { rtol: 1e-4, atol: 1e-6 },
  };
}

// β₂ = 0.6 so that v can fall below its running max (AMSGrad matters within 12 steps)
const adamKeys = (mode: 'l2' | 'decoupled', amsgrad: boolean) => ({ betas: [0.9, 0.6], eps: 1e-8, weight_decay: 0.01, amsgrad, weight_decay_mode: mode });

/** One spec per optimizer name and variant the README lists. */
export const SYNTHETIC: readonly SyntheticSpec[] = [
  { name: 'syn_sgd_nesterov', optimizer: 'SGD', hyper: { momentum: 0.9, dampening: 0, nesterov: true, weight_decay: 1e-3 }, weights: { lr: 0.1 }, rest: { lr: 0.05, extra: { weight_decay: 0 } } },
  { name: 'syn_sgd_dampening', optimizer: 'SGD', hyper: { momentum: 0.8, dampening: 0.3, nesterov: false, weight_decay: 0 }, weights: { lr: 0.1 }, rest: { lr: 0.2 } },
  { name: 'syn_sgds', optimizer: 'SGDS', hyper: { momentum: 0.9, dampening: 0, nesterov: false, weight_decay: 5e-3 }, weights: { lr: 0.1 }, rest: { lr: 0.1, extra: { weight_decay: 0 } } },
  { name: 'syn_adam_l2', optimizer: 'Adam', hyper: adamKeys('l2', false), weights: { lr: 0.01 }, rest: { lr: 0.005, extra: { weight_decay: 0 } } },
  { name: 'syn_adam_amsgrad', optimizer: 'Adam(amsgrad)', hyper: adamKeys('l2', true), weights: { lr: 0.01 }, rest: { lr: 0.01 } },
  { name: 'syn_adamw', optimizer: 'AdamW', hyper: { ...adamKeys('decoupled', false), weight_decay: 0.5 }, weights: { lr: 0.01 }, rest: { lr: 0.01, extra: { weight_decay: 0 } } },
  { name: 'syn_adamw_amsgrad', optimizer: 'AdamW', hyper: { ...adamKeys('decoupled', true), weight_decay: 0.5 }, weights: { lr: 0.01 }, rest: { lr: 0.02 } },
  { name: 'syn_adams', optimizer: 'AdamS', hyper: { betas: [0.9, 0.6], eps: 1e-8, amsgrad: false }, weights: { lr: 0.01, extra: { weight_decay: 0.5 } }, rest: { lr: 0.01, extra: { weight_decay: 0 } } },
  { name: 'syn_adams_amsgrad', optimizer: 'AdamS', hyper: { betas: [0.9, 0.6], eps: 1e-8, amsgrad: true, weight_decay: 0.3 }, weights: { lr: 0.01 }, rest: { lr: 0.005 } },
  { name: 'syn_padam', optimizer: 'Padam', hyper: { partial: 0.25, betas: [0.9, 0.6], eps: 1e-8, weight_decay: 5e-4, amsgrad: true, bias_correction: 'code' }, weights: { lr: 0.1 }, rest: { lr: 0.05 } },
  { name: 'syn_padam_noams', optimizer: 'Padam', hyper: { partial: 0.125, betas: [0.9, 0.6], eps: 1e-8, weight_decay: 0, amsgrad: false }, weights: { lr: 0.1 }, rest: { lr: 0.1 } },
  { name: 'syn_lamb', optimizer: 'LAMB', hyper: { betas: [0.9, 0.999], eps: 1e-6, weight_decay: 0.01, bias_correction: true, phi: 'identity' }, weights: { lr: 0.02 }, rest: { lr: 0.01, extra: { weight_decay: 0 } } },
  { name: 'syn_lamb_v3', optimizer: 'LAMB', hyper: { betas: [0.9, 0.999], eps: 1e-6, weight_decay: 0.01, bias_correction: false, phi: 'min(||w||, 10)' }, weights: { lr: 0.02 }, rest: { lr: 0.02 } },
  ...(['paper', 'code'] as const).map(
    (variant): SyntheticSpec => ({
      name: `syn_nd_adam_${variant}`,
      optimizer: 'ND-Adam',
      hyper: {
        betas: [0.9, variant === 'paper' ? 0.999 : 0.99],
        eps: 1e-3, // large enough to tell the two ε placements apart (docs/conformance/README.md "ND-Adam")
        variant,
        vector_params: ['conv.weight', 'fc.weight'],
        vec_axes: { 'conv.weight': [1, 2, 3], 'fc.weight': [1] },
        scalar_params: ['fc.bias', 'bn.weight', 'bn.bias'],
        scalar_weight_decay: 5e-3,
        normalize_at_init: variant === 'paper',
      },
      weights: { lr: 0.05, extra: { role: 'vector' } },
      rest: { lr: 0.001, extra: { role: 'scalar' } },
    }),
  ),
  ...(['Adam-LAWN', 'LAMB-LAWN'] as const).flatMap((optimizer) =>
    [false, true].map(
      (reset): SyntheticSpec => ({
        name: `syn_${optimizer.toLowerCase().replace('-', '_')}${reset ? '_reset' : ''}`,
        optimizer,
        hyper: {
          base: optimizer === 'Adam-LAWN' ? 'adam' : 'lamb',
          betas: [0.9, 0.999],
          eps: 1e-6,
          weight_decay: 0,
          ...(optimizer === 'LAMB-LAWN' ? { bias_correction: true, phi: 'identity' } : {}),
          free_steps: 5,
          constrained_params: ['conv.weight', 'fc.weight'],
          unconstrained_params: ['fc.bias', 'bn.weight', 'bn.bias'],
          reset_moments_at_switch: reset,
        },
        weights: { lr: 0.02, extra: { constrained: true } },
        rest: { lr: 0.01, extra: { constrained: false } },
      }),
    ),
  ),
  ...[false, true].map(
    (reset): SyntheticSpec => ({
      name: `syn_sgd_lawn${reset ? '_reset' : ''}`,
      optimizer: 'SGD-LAWN',
      hyper: {
        base: 'sgd',
        momentum: 0.9,
        dampening: 0,
        nesterov: reset, // both forms of the momentum step
        weight_decay: 0,
        free_steps: 4,
        constrained_params: ['conv.weight', 'fc.weight'],
        unconstrained_params: ['fc.bias', 'bn.weight', 'bn.bias'],
        reset_moments_at_switch: reset,
      },
      weights: { lr: 0.05, extra: { constrained: true } },
      rest: { lr: 0.05, extra: { constrained: false } },
    }),
  ),
  ...[false, true].map(
    (amsbound): SyntheticSpec => ({
      name: `syn_adabound${amsbound ? '_amsbound' : ''}`,
      optimizer: 'AdaBound',
      // a small γ and final_lr near lr make both bounds bite within 12 steps
      hyper: { betas: [0.9, 0.6], eps: 1e-8, weight_decay: 5e-4, final_lr: 0.1, gamma: 0.5, amsbound },
      weights: { lr: 0.01 },
      rest: { lr: 0.02, extra: { weight_decay: 0 } },
    }),
  ),
  { name: 'syn_yogi', optimizer: 'Yogi', hyper: { betas: [0.9, 0.6], eps: 1e-3, initial_accumulator: 1e-6, weight_decay: 1e-3 }, weights: { lr: 0.01 }, rest: { lr: 0.02 } },
  { name: 'syn_yogi_big_accumulator', optimizer: 'Yogi', hyper: { betas: [0.9, 0.999], eps: 1e-3, initial_accumulator: 0.5, weight_decay: 0 }, weights: { lr: 0.01 }, rest: { lr: 0.01 } },
  ...[false, true].map(
    (degenerated): SyntheticSpec => ({
      name: `syn_radam${degenerated ? '_sgd_start' : ''}`,
      optimizer: 'RAdam',
      // β₂ = 0.9: ρ_t reaches 5 at step 6, so both regimes occur within 12 steps
      hyper: { betas: [0.9, 0.9], eps: 1e-8, weight_decay: 0.05, degenerated_to_sgd: degenerated },
      weights: { lr: 0.01 },
      rest: { lr: 0.02, extra: { weight_decay: 0 } },
    }),
  ),
];

/** Cases of the longest length the format allows (1,000 steps): float32 error must not pile up. */
export const LONG: readonly SyntheticSpec[] = [
  { name: 'syn_long_adam_amsgrad_1000', optimizer: 'Adam(amsgrad)', hyper: adamKeys('l2', true), weights: { lr: 0.01 }, rest: { lr: 0.005 }, steps: 1000 },
  {
    name: 'syn_long_sgd_lawn_1000',
    optimizer: 'SGD-LAWN',
    hyper: { base: 'sgd', momentum: 0.9, dampening: 0, nesterov: false, free_steps: 100, constrained_params: ['conv.weight', 'fc.weight'], reset_moments_at_switch: true },
    // lr 1e-3: the recorded gradients do not depend on the weights, so nothing pulls a trajectory back and
    // float32 rounding adds up; at lr 1e-2 the constrained 2×3 matrix turns so far per step that the worst
    // error reached 11.9× the tolerance by step 686 (1e-3: about 0.02×).
    weights: { lr: 0.001, extra: { constrained: true } },
    rest: { lr: 0.001 },
    steps: 1000,
  },
];
