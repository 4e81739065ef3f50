/**
 * What the CIFAR experiment reports read from a classifier run's metrics: the mean training loss of
 * each epoch (over its logged steps), the final evaluation (accuracy on `finalTestSize` images, mean
 * logit norm, full-batch gradient norm), per-epoch curves for the figures, and mean ± std over seeds.
 */
import type { MetricsRecord } from '@gapkit/trainer';
import { evalLines, finalEval, type Setting, stepLines } from './run-records.js';
import { type SeedStatistic, seedStatistic } from './seed-statistics.js';

/** Mean logged training loss of each epoch (1-based index e at e − 1); `stepsPerEpoch` steps each. */
export function epochTrainLoss(records: readonly MetricsRecord[], stepsPerEpoch: number): number[] {
  const sums: number[] = [];
  const counts: number[] = [];
  for (const r of stepLines(records)) {
    if (r.skipped || !Number.isFinite(r.loss)) continue;
    const e = Math.ceil(r.step / stepsPerEpoch) - 1;
    sums[e] = (sums[e] ?? 0) + r.loss;
    counts[e] = (counts[e] ?? 0) + 1;
  }
  return sums.map((s, e) => s / counts[e]);
}

/** A per-run number of every seed of a setting, as mean ± std. */
export function overSeeds(s: Setting, what: string, value: (records: readonly MetricsRecord[]) => number | undefined): SeedStatistic {
  return seedStatistic(
    s.runs.map((r) => value(r.records) ?? Number.NaN),
    `${what} of ${s.label}`,
  );
}

export const finalAccuracy = (rs: readonly MetricsRecord[]) => finalEval(rs).accuracy;
export const finalLogitNorm = (rs: readonly MetricsRecord[]) => finalEval(rs).logitNorm;
export const finalTrainGradNorm = (rs: readonly MetricsRecord[]) => finalEval(rs).trainGradNorm;
export const finalTestImages = (rs: readonly MetricsRecord[]) => finalEval(rs).n;

/** Mean of every finite `value` over the evaluations after step `afterStep` (e.g. after the lr drop). */
export function meanEvalAfter(rs: readonly MetricsRecord[], afterStep: number, value: (e: ReturnType<typeof evalLines>[number]) => number | undefined): number | undefined {
  const v = evalLines(rs)
    .filter((e) => e.step > afterStep)
    .map(value)
    .filter((x): x is number => x !== undefined && Number.isFinite(x));
  return v.length > 0 ? v.reduce((a, b) => a + b, 0) / v.length : undefined;
}

/**
 * The binomial standard error of an accuracy p measured on n images, √(p(1−p)/n) — the noise of one
 * run's test accuracy (≈ 1.1 points on 2,000 images, 0.5 on 10,000, as the PyTorch reference states).
 */
export function accuracyStandardError(p: number, n: number): number {
  if (!(n > 0)) throw new RangeError(`accuracyStandardError: n must be > 0, got ${n}`);
  return Math.sqrt(Math.max(0, p * (1 - p)) / n);
}

/** Rows { setting, epoch, value } of a per-epoch quantity, one per seed (the figure's seed band). */
export function epochRows(all: readonly Setting[], perEpoch: (records: readonly MetricsRecord[]) => readonly number[]): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  for (const s of all) for (const r of s.runs) perEpoch(r.records).forEach((v, i) => {
    if (Number.isFinite(v)) rows.push({ setting: s.label, epoch: i + 1, value: v });
  });
  return rows;
}

/** Each evaluation's `value` by epoch (the evaluations at epoch ends). */
export function evalByEpoch(value: (e: ReturnType<typeof evalLines>[number]) => number | undefined, scale = 1): (records: readonly MetricsRecord[]) => number[] {
  return (records) => evalLines(records).map((e) => scale * (value(e) ?? Number.NaN));
}
