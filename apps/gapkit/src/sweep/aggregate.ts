/**
 * Aggregating a sweep: per grid point, the mean ± sample standard deviation over seeds of each
 * chosen metric (sums in float64), and each seed's value. Runs are keyed by run key, so a result
 * that arrived twice still counts once.
 */
import type { RunSpec } from './expand-sweep.js';
import type { RunOutcome } from './run-outcome.js';
import { formatMetric } from './sweep-progress.js';

export interface PointSummary {
  readonly point: string;
  /** Seeds with a result, in the sweep's order. */
  readonly seeds: readonly number[];
  /** Seeds still missing (not finished or failed). */
  readonly missing: readonly number[];
  readonly mean: Readonly<Record<string, number>>;
  /** Sample standard deviation (n − 1); NaN with one seed. */
  readonly std: Readonly<Record<string, number>>;
  readonly perSeed: readonly RunOutcome[];
}

export function meanStd(xs: readonly number[]): { mean: number; std: number } {
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / xs.length;
  let q = 0;
  for (const x of xs) q += (x - mean) * (x - mean);
  return { mean, std: xs.length > 1 ? Math.sqrt(q / (xs.length - 1)) : Number.NaN };
}

export function summarizePoints(runs: readonly RunSpec[], results: ReadonlyMap<string, RunOutcome>, metrics: readonly string[]): PointSummary[] {
  const points = [...new Set(runs.map((r) => r.point))];
  return points.map((point) => {
    const mine = runs.filter((r) => r.point === point);
    const perSeed = mine.map((r) => results.get(r.key)).filter((o): o is RunOutcome => o?.status === 'done');
    const mean: Record<string, number> = {};
    const std: Record<string, number> = {};
    for (const m of metrics) {
      const xs = perSeed.map((o) => o.metrics[m]).filter((v): v is number => typeof v === 'number');
      if (xs.length === 0) continue;
      const s = meanStd(xs);
      mean[m] = s.mean;
      std[m] = s.std;
    }
    const seeds = perSeed.map((o) => o.seed);
    return { point, seeds, missing: mine.map((r) => r.seed).filter((s) => !seeds.includes(s)), mean, std, perSeed };
  });
}

const pm = (m: string, mean: number | undefined, std: number | undefined) =>
  mean === undefined ? '—' : `${formatMetric(m, mean)} ± ${std === undefined || Number.isNaN(std) ? '—' : formatMetric(m, std)}`;

/** The grid table: one row per point, mean ± std over its seeds. */
export function gridTable(points: readonly PointSummary[], metrics: readonly string[]): string {
  const head = `| grid point | seeds | ${metrics.join(' | ')} |`;
  const sep = `| --- | ---: | ${metrics.map(() => '---:').join(' | ')} |`;
  const rows = points.map((p) => `| ${p.point} | ${p.seeds.length}${p.missing.length ? ` (of ${p.seeds.length + p.missing.length})` : ''} | ${metrics.map((m) => pm(m, p.mean[m], p.std[m])).join(' | ')} |`);
  return [head, sep, ...rows].join('\n');
}

/** One grid point's seeds, one row each. */
export function seedTable(p: PointSummary, metrics: readonly string[]): string {
  const head = `| seed | run | steps | ${metrics.join(' | ')} |`;
  const sep = `| ---: | --- | ---: | ${metrics.map(() => '---:').join(' | ')} |`;
  const rows = p.perSeed.map((o) => `| ${o.seed} | \`${o.key}\` | ${o.steps} | ${metrics.map((m) => (o.metrics[m] === undefined ? '—' : formatMetric(m, o.metrics[m]))).join(' | ')} |`);
  return [head, sep, ...rows].join('\n');
}
