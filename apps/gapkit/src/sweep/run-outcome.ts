/**
 * What a finished (or failed) run reports to its sweep: final metrics, the curves the sweep plots, and
 * how it went. Plain JSON: it travels as a queue job's return value and is saved as
 * `<sweep>/results/<key>.json`. Wall-clock throughput is left out, so two runs of the same config on
 * the same backend report identical numbers.
 */
import type { MetricsRecord } from '@gapkit/trainer';
import type { RunSpec } from './expand-sweep.js';

export interface CurvePoint {
  readonly step: number;
  readonly value: number;
}

export interface RunOutcome {
  readonly key: string;
  readonly point: string;
  readonly seed: number;
  readonly status: 'done' | 'failed';
  /** The last evaluation's metrics and `trainLoss` (last logged training loss). */
  readonly metrics: Readonly<Record<string, number>>;
  readonly steps: number;
  /** Training loss at each logged step, and each evaluation metric at each evaluation. */
  readonly curves: Readonly<Record<string, readonly CurvePoint[]>>;
  readonly seconds: number;
  /** The step the run resumed from (0 = started fresh). */
  readonly resumedFrom: number;
  readonly error?: string;
  /** Who trained it (host:pid), for the log. */
  readonly by?: string;
}

const EVAL_METRICS = ['loss', 'accuracy', 'ece', 'logitNorm', 'hitRate', 'ndcg'] as const;

export function finalMetrics(records: readonly MetricsRecord[]): { metrics: Record<string, number>; steps: number; curves: Record<string, CurvePoint[]> } {
  const curves: Record<string, CurvePoint[]> = { trainLoss: [] };
  const metrics: Record<string, number> = {};
  let steps = 0;
  for (const r of records) {
    steps = Math.max(steps, r.step);
    if (r.type === 'step') {
      curves.trainLoss.push({ step: r.step, value: r.loss });
      metrics.trainLoss = r.loss;
      continue;
    }
    for (const m of EVAL_METRICS) {
      const v = r[m];
      if (typeof v !== 'number') continue;
      const curve = curves[m] ?? [];
      curve.push({ step: r.step, value: v });
      curves[m] = curve;
      metrics[m] = v;
    }
  }
  return { metrics, steps, curves };
}

export function failedOutcome(spec: RunSpec, error: string, seconds: number, by: string): RunOutcome {
  return { key: spec.key, point: spec.point, seed: spec.seed, status: 'failed', metrics: {}, steps: 0, curves: {}, seconds, resumedFrom: 0, error, by };
}
