/**
 * Argument checks shared by the builders. Every message names the builder, the argument, the form
 * that was expected and the value that came, e.g. `wrn: depth must be of the form 6n+4 (10, 16, 22,
 * 28, …), got 20`.
 */

function show(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

/** Throws a RangeError `<where>: <what> must be <expected>, got <value>`. */
export function invalid(where: string, what: string, expected: string, value: unknown): never {
  throw new RangeError(`${where}: ${what} must be ${expected}, got ${show(value)}`);
}

/** A whole number ≥ 1 (widths, depths, class counts, table sizes). */
export function positiveInt(where: string, what: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) invalid(where, what, 'a positive integer', value);
  return value;
}

/** A non-empty list of positive integers (block counts per stage, hidden widths). */
export function positiveIntList(where: string, what: string, value: readonly number[], allowEmpty = false): readonly number[] {
  if (!Array.isArray(value) || (!allowEmpty && value.length === 0) || value.some((v) => !Number.isInteger(v) || v < 1)) {
    invalid(where, what, allowEmpty ? 'a list of positive integers' : 'a non-empty list of positive integers', value);
  }
  return value;
}

/** A probability in [0, 1) (dropout rates). */
export function dropRate(where: string, what: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0 && value < 1)) invalid(where, what, 'a number in [0, 1)', value);
  return value;
}

/** A finite number > 0 (scales, multipliers). */
export function positiveNumber(where: string, what: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) invalid(where, what, 'a finite number > 0', value);
  return value;
}

/** Rejects option keys the builder does not know (a typo must not silently fall back to a default). */
export function knownKeys(where: string, opts: object, known: readonly string[]): void {
  for (const key of Object.keys(opts)) {
    if (!known.includes(key)) throw new RangeError(`${where}: unknown option '${key}' (known: ${known.join(', ')})`);
  }
}

/**
 * `defaults` overridden by the keys of `opts` that are not undefined (so `{ depth: undefined }` from
 * an optional CLI flag means "the default"), after rejecting keys `defaults` does not have.
 */
export function withDefaults<O extends object>(where: string, defaults: O, opts: Partial<O>): O {
  knownKeys(where, opts, Object.keys(defaults));
  const out: O = { ...defaults };
  for (const key of Object.keys(opts) as Array<keyof O>) {
    const v = opts[key];
    if (v !== undefined) out[key] = v as O[keyof O];
  }
  return out;
}
