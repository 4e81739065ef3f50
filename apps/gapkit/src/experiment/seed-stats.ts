/**
 * Mean ± standard deviation over seeds of one per-run statistic (final HR@10, best accuracy …) in the
 * form the lawn-ml100k report prints: the numbers come from {@link seedStatistic} (sample standard
 * deviation, n − 1), and the deviation is null with one seed: one run says nothing about the spread.
 */
import { seedStatistic } from './seed-statistics.js';

export interface SeedStats {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation; null when n < 2. */
  readonly std: number | null;
  readonly values: readonly number[];
}

/** @throws RangeError on an empty list or a non-finite value (a NaN never averages in silently). */
export function seedStats(values: readonly number[], what = 'statistic'): SeedStats {
  const s = seedStatistic(values, what);
  return { n: s.n, mean: s.mean, std: s.n < 2 ? null : s.std, values: s.values };
}

/** `57.58 ± 0.15 (57.69, 57.48)` with `digits` decimals; one seed: just the value. */
export function formatSeedStats(s: SeedStats, digits = 2): string {
  const f = (v: number) => v.toFixed(digits);
  if (s.std === null) return f(s.mean);
  return `${f(s.mean)} ± ${f(s.std)} (${s.values.map(f).join(', ')})`;
}
