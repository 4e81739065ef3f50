/** Small builders for the registry's hyperparameter tables (ranges written once). */
import type { Bound } from '../validate.js';
import type { BooleanSpec, ChoiceSpec, NumberSpec, ReferenceName } from './hyperparameter.js';

export const ZERO: Bound = { value: 0 };
export const ZERO_OPEN: Bound = { value: 0, open: true };
export const ONE: Bound = { value: 1 };
export const ONE_OPEN: Bound = { value: 1, open: true };
export const INFINITY: Bound = { value: Number.POSITIVE_INFINITY, open: true };

type NumberExtra = Partial<Pick<NumberSpec, 'integer' | 'schedulable' | 'nullable' | 'referenceDefault' | 'reference'>>;

/** A number in [min, max] (schedulable unless said otherwise). */
export function num(symbol: string, description: string, source: string, min: Bound, max: Bound, extra: NumberExtra = {}): NumberSpec {
  return { kind: 'number', symbol, description, source, min, max, schedulable: true, ...extra };
}

/** x ≥ 0. */
export function nonNegative(symbol: string, description: string, source: string, extra: NumberExtra = {}): NumberSpec {
  return num(symbol, description, source, ZERO, INFINITY, extra);
}

/** A learning rate η ≥ 0 (the conformance format gives it per group, per step: `param_groups[i].lr`). */
export function lr(symbol: string, source: string, description = 'learning rate (step size)'): NumberSpec {
  return nonNegative(symbol, description, source, { reference: { key: 'lr' } });
}

/** β₁ or β₂ ∈ [0, 1), the reference's `betas[0]` / `betas[1]`. */
export function beta(which: 1 | 2, source: string): NumberSpec {
  const description = which === 1 ? 'decay rate of the first moment m' : 'decay rate of the second moment v';
  return num(which === 1 ? 'β₁' : 'β₂', description, source, ZERO, ONE_OPEN, { reference: { key: 'betas', index: which - 1 } });
}

/** ε ≥ 0 in the denominator. */
export function eps(source: string, where = 'added to √v̂ in the denominator', extra: NumberExtra = {}): NumberSpec {
  return nonNegative('ε', `numerical stabilizer, ${where}`, source, { reference: { key: 'eps' }, ...extra });
}

/** λ ≥ 0. */
export function weightDecay(how: string, source: string, extra: NumberExtra = {}): NumberSpec {
  return nonNegative('λ', `weight decay (${how})`, source, { reference: { key: 'weight_decay' }, ...extra });
}

export function bool(symbol: string, description: string, source: string, reference?: ReferenceName, referenceDefault?: boolean): BooleanSpec {
  return { kind: 'boolean', symbol, description, source, ...(reference ? { reference } : {}), ...(referenceDefault === undefined ? {} : { referenceDefault }) };
}

export function choice(symbol: string, description: string, choices: readonly string[], source: string, reference?: ReferenceName): ChoiceSpec {
  return { kind: 'choice', symbol, description, choices, source, ...(reference ? { reference } : {}) };
}
