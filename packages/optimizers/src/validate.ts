/**
 * Hyperparameter validation. Every message names the optimizer, the symbol (paper letter and option
 * name), the allowed range and the value received, e.g.
 * `Padam: p (partial adaptive parameter) must be in [0, 0.5], got 0.7 (group 0)`.
 */
import { OptimizerError, show } from './errors.js';

/** Describes one bound of a range; `open` excludes the endpoint. */
export interface Bound {
  value: number;
  open?: boolean;
}

function rangeText(lo: Bound, hi: Bound): string {
  const l = `${lo.open ? '(' : '['}${lo.value}`;
  const h = `${hi.value === Number.POSITIVE_INFINITY ? '∞' : hi.value}${hi.open || hi.value === Number.POSITIVE_INFINITY ? ')' : ']'}`;
  return `${l}, ${h}`;
}

/**
 * Throws a RangeError unless `x` is a finite number in the range [lo, hi] (or open ends).
 * @param where  e.g. `Padam` or `Padam (group 1)`
 * @param symbol e.g. `p (partial adaptive parameter)`
 */
export function assertInRange(where: string, symbol: string, x: number, lo: Bound, hi: Bound): void {
  const ok =
    typeof x === 'number' &&
    !Number.isNaN(x) &&
    (lo.open ? x > lo.value : x >= lo.value) &&
    (hi.open ? x < hi.value : x <= hi.value);
  if (!ok) throw new OptimizerError(`${where}: ${symbol} must be in ${rangeText(lo, hi)}, got ${show(x)}`);
}

/** x ≥ 0 and finite. */
export function assertNonNegative(where: string, symbol: string, x: number): void {
  assertInRange(where, symbol, x, { value: 0 }, { value: Number.POSITIVE_INFINITY, open: true });
}

/** 0 < x < ∞. */
export function assertPositive(where: string, symbol: string, x: number): void {
  assertInRange(where, symbol, x, { value: 0, open: true }, { value: Number.POSITIVE_INFINITY, open: true });
}

/** β ∈ [0, 1). */
export function assertBeta(where: string, symbol: string, x: number): void {
  assertInRange(where, symbol, x, { value: 0 }, { value: 1, open: true });
}

/** Throws unless `x` is one of `allowed`. */
export function assertOneOf<T extends string>(where: string, symbol: string, x: T, allowed: readonly T[]): void {
  if (!allowed.includes(x)) {
    throw new OptimizerError(`${where}: ${symbol} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${typeof x === 'string' ? `'${x}'` : show(x)}`);
  }
}

/** The hyperparameters every Adam-type optimizer shares. */
export interface AdamLikeHyper {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay?: number;
}

/**
 * lr ≥ 0, β₁ and β₂ ∈ [0, 1), ε ≥ 0, and λ ≥ 0 when the optimizer has one.
 * @param lrSymbol how the paper names the learning rate, e.g. `lr (α)`
 */
export function assertAdamLike(where: string, h: AdamLikeHyper, lrSymbol = 'lr (η)'): void {
  assertNonNegative(where, lrSymbol, h.lr);
  assertBeta(where, 'beta1 (β₁)', h.beta1);
  assertBeta(where, 'beta2 (β₂)', h.beta2);
  assertNonNegative(where, 'eps (ε)', h.eps);
  if (h.weightDecay !== undefined) assertNonNegative(where, 'weightDecay (λ)', h.weightDecay);
}
