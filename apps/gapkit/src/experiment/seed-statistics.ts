/**
 * "Mean ± std over seeds" of a per-run statistic, for experiment reports: the sample standard
 * deviation (n − 1 in the denominator; 0 for one seed, where the report must say the noise comes from
 * elsewhere). A NaN or ±Infinity among the values is an error naming the statistic.
 */
export interface SeedStatistic {
  readonly mean: number;
  /** Sample standard deviation over the seeds (0 when n = 1). */
  readonly std: number;
  readonly n: number;
  readonly values: readonly number[];
}

export function seedStatistic(values: readonly number[], what = 'statistic'): SeedStatistic {
  if (values.length === 0) throw new RangeError(`seedStatistic: no finished run gives ${what}`);
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`seedStatistic: ${what} of seed #${i + 1} is ${v}, expected a finite number`);
  });
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let sq = 0;
  for (const v of values) sq += (v - mean) * (v - mean);
  return { mean, std: n > 1 ? Math.sqrt(sq / (n - 1)) : 0, n, values: [...values] };
}

/** `1.74 ± 0.05 (2 seeds)`, or `1.74 (1 seed)`; `scale` multiplies first (100 for percent). */
export function formatSeedStatistic(s: SeedStatistic, digits = 2, scale = 1): string {
  const seeds = `${s.n} seed${s.n === 1 ? '' : 's'}`;
  return s.n > 1 ? `${(s.mean * scale).toFixed(digits)} ± ${(s.std * scale).toFixed(digits)} (${seeds})` : `${(s.mean * scale).toFixed(digits)} (${seeds})`;
}
