/**
 * Registry-driven hyperparameters: every hyperparameter of an optimizer drawn from its documented range
 * or choices. The table is plain data (a registry entry's `hyperparameters`, or a user's own list), so
 * this package does not depend on `@gapkit/optimizers`. Numbers are mostly uniform or log-uniform draws
 * inside the range, with the default, the closed ends (β₁ = 0, p = ½, …: where laws and bugs show) and
 * fast-check's edge-biased doubles mixed in.
 */
import fc from 'fast-check';

/** One end of a range (`open`: the end itself is excluded). */
export interface HyperBoundLike {
  readonly value: number;
  readonly open?: boolean;
}

interface HyperKeyLike {
  readonly key: string;
  readonly default?: unknown;
}

/** What the kit reads of one hyperparameter (a registry `HyperParameter` is one). */
export type HyperParameterLike =
  | (HyperKeyLike & { readonly kind: 'number'; readonly min: HyperBoundLike; readonly max: HyperBoundLike; readonly integer?: boolean })
  | (HyperKeyLike & { readonly kind: 'boolean' | 'text' | 'names' })
  | (HyperKeyLike & { readonly kind: 'choice'; readonly choices: readonly string[] });

export interface HyperparametersArbOptions {
  /** A fixed value or an arbitrary for some keys, instead of the table's range. */
  readonly overrides?: Readonly<Record<string, unknown>>;
  /** Keys to leave out (the optimizer then uses its default), e.g. `nonFinite`. */
  readonly omit?: readonly string[];
  /**
   * Where an unbounded range stops (default: max(10·|default|, 1), so lr ∈ [0, 1], ε ∈ [0, 1]).
   * Text and list-of-names settings are only drawn when overridden.
   */
  readonly unboundedMax?: (h: HyperParameterLike) => number;
  /** Non-zero magnitudes below `tiny` (default 1e-30) become ±tiny: a 4e-323 overflows 1/x (AdaBound's bound is then 0·∞). */
  readonly tiny?: number;
}

const isArbitrary = (x: unknown): x is fc.Arbitrary<unknown> => x instanceof fc.Arbitrary;

function defaultCap(h: HyperParameterLike): number {
  return typeof h.default === 'number' && Number.isFinite(h.default) ? Math.max(10 * Math.abs(h.default), 1) : 1;
}

function numberArb(h: Extract<HyperParameterLike, { kind: 'number' }>, cap: number, tiny: number): fc.Arbitrary<number> {
  const lo = h.min.value;
  const bounded = Number.isFinite(h.max.value);
  const hi = bounded ? h.max.value : Math.max(cap, lo + 1);
  const hiOpen = bounded && h.max.open === true;
  if (!(Number.isFinite(lo) && hi > lo)) throw new RangeError(`hyperparametersArb: '${h.key}' has an empty range [${lo}, ${hi}]`);
  if (h.integer) {
    const a = Math.ceil(h.min.open ? lo + 1 : lo);
    const b = Math.floor(hiOpen ? hi - 1 : hi);
    return fc.integer({ min: a, max: Math.max(a, b) });
  }
  // Mostly ordinary values — uniform over the range, and log-uniform over its top six decades — so
  // a law sees η = 0.3, not only fast-check's edge-biased doubles (1e-30, 4e-323); those stay, rarer.
  const grid = 1 << 20;
  const uniform = fc.integer({ min: h.min.open ? 1 : 0, max: hiOpen ? grid - 1 : grid }).map((k) => lo + ((hi - lo) * k) / grid);
  const logLo = Math.max(lo, tiny, hi * 1e-6);
  const logUniform = fc.integer({ min: logLo === lo && h.min.open ? 1 : 0, max: hiOpen ? grid - 1 : grid }).map((k) => logLo * (hi / logLo) ** (k / grid));
  const edgy = fc
    .double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true, minExcluded: h.min.open === true, maxExcluded: hiOpen })
    .map((x) => (x !== 0 && Math.abs(x) < tiny && hi > tiny ? Math.sign(x) * tiny : x));
  const inner = fc.oneof({ weight: 4, arbitrary: uniform }, { weight: 2, arbitrary: logUniform }, { weight: 1, arbitrary: edgy });
  const ends: number[] = [];
  if (!h.min.open) ends.push(lo);
  if (!hiOpen) ends.push(hi);
  const inRange = (x: number) => (h.min.open ? x > lo : x >= lo) && (hiOpen ? x < hi : x <= hi);
  if (typeof h.default === 'number' && inRange(h.default)) ends.push(h.default);
  if (ends.length === 0) return inner;
  return fc.oneof({ weight: 6, arbitrary: inner }, { weight: 1, arbitrary: fc.constantFrom(...ends) });
}

function oneArb(h: HyperParameterLike, cap: number, tiny: number): fc.Arbitrary<unknown> | null {
  switch (h.kind) {
    case 'number':
      return numberArb(h, cap, tiny);
    case 'boolean':
      return fc.boolean();
    case 'choice':
      if (h.choices.length === 0) throw new RangeError(`hyperparametersArb: '${h.key}' has no choices`);
      return fc.constantFrom(...h.choices);
    default:
      return null;
  }
}

/**
 * Options for one optimizer: a record with one drawn value per hyperparameter of `table` (minus
 * `omit`, with `overrides` applied). Keys stay in table order, so a counterexample reads like the docs.
 */
export function hyperparametersArb(table: readonly HyperParameterLike[], options: HyperparametersArbOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const { overrides = {}, omit = [], unboundedMax = defaultCap, tiny = 1e-30 } = options;
  const known = new Set(table.map((h) => h.key));
  for (const k of [...Object.keys(overrides), ...omit]) {
    if (!known.has(k)) throw new RangeError(`hyperparametersArb: '${k}' is not in the table (keys: ${[...known].join(', ')})`);
  }
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  for (const h of table) {
    if (omit.includes(h.key)) continue;
    if (h.key in overrides) {
      const o = overrides[h.key];
      parts[h.key] = isArbitrary(o) ? o : fc.constant(o);
      continue;
    }
    const a = oneArb(h, unboundedMax(h), tiny);
    if (a) parts[h.key] = a;
  }
  return fc.record(parts);
}
