/**
 * Mean ± standard deviation over seeds of one per-run statistic (final HR@10, best accuracy …), for
 * experiment reports. The standard deviation is the sample one (n − 1 in the denominator), null with
 * one seed: one run says nothing about the spread.
 */

export interface SeedStats {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation; null when n < 2. */
  readonly std: number | null;
  readonly values: readonly number[];
}

/** @throws RangeError on an empty list or a non-finite value (a NaN never averages in silently). */
export function seedStats(values: readonly number[]): SeedStats {
  if (values.length === 0) throw new RangeError('seedStats: no values (no finished run for this setting)');
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`seedStats: value ${i} is ${v}, expected a finite number`);
  });
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const std = n < 2 ? null : Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  return { n, mean, std, values: [...values] };
}

/** `57.58 ± 0.15 (57.69, 57.48)` with `digits` decimals; one seed: just the value. */
export function formatSeedStats(s: SeedStats, digits = 2): string {
  const f = (v: number) => v.toFixed(digits);
  if (s.std === null) return f(s.mean);
  return `${f(s.mean)} ± ${f(s.std)} (${s.values.map(f).join(', ')})`;
}
