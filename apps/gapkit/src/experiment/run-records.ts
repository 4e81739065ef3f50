/**
 * Reading finished runs for experiment reports: the runs of a sweep grouped by setting (each with its
 * seeds' records), step and evaluation lines, and per-epoch-range means of a per-step quantity.
 */
import type { EvalRecord, MetricsRecord, StepRecord } from '@gapkit/trainer';
import type { RunSpec } from '../sweep/expand-sweep.js';
import type { SweepResults } from '../sweep/run-sweep-locally.js';
import type { ReportContext } from './experiment.js';

export interface SeededRun {
  readonly run: RunSpec;
  readonly records: readonly MetricsRecord[];
}

/** One setting (grid point) of a sweep and its finished seeds, in seed order. */
export interface Setting {
  readonly label: string;
  readonly runs: readonly SeededRun[];
}

/** The finished runs of a sweep grouped by `label(run)` (default the grid point), in sweep order. */
export function settings(ctx: ReportContext, s: SweepResults, label: (r: RunSpec) => string = (r) => r.point): Setting[] {
  const out = new Map<string, SeededRun[]>();
  for (const run of s.runs) {
    if (!s.results.has(run.key)) continue;
    const l = label(run);
    const list = out.get(l) ?? [];
    list.push({ run, records: ctx.records(s, run) });
    out.set(l, list);
  }
  return [...out].map(([l, runs]) => ({ label: l, runs: [...runs].sort((a, b) => a.run.seed - b.run.seed) }));
}

export const stepLines = (rs: readonly MetricsRecord[]): StepRecord[] => rs.filter((r): r is StepRecord => r.type === 'step');
export const evalLines = (rs: readonly MetricsRecord[]): EvalRecord[] => rs.filter((r): r is EvalRecord => r.type === 'eval');

/** The last evaluation line (the final one, on `finalTestSize` images). */
export function finalEval(rs: readonly MetricsRecord[]): EvalRecord {
  const e = evalLines(rs);
  const last = e[e.length - 1];
  if (!last) throw new RangeError('finalEval: the run has no evaluation line');
  return last;
}

/** Steps per epoch of a run config (ceil(trainSize / batchSize)); needs both in the config. */
export function stepsPerEpochOf(input: Record<string, unknown>): number {
  const ds = input.dataset as { trainSize?: unknown } | undefined;
  const n = ds?.trainSize;
  const b = input.batchSize;
  if (typeof n !== 'number' || typeof b !== 'number') throw new RangeError('stepsPerEpochOf: the run config needs dataset.trainSize and batchSize');
  return Math.ceil(n / b);
}

/** An inclusive range of 1-based epochs, e.g. epochs 2–4. */
export interface EpochRange {
  readonly label: string;
  readonly from: number;
  readonly to: number;
}

/** The ranges that fit in `epochs`: empty ones dropped, a clipped one relabelled (`epochs 2–3`). */
export function rangesWithin(ranges: readonly EpochRange[], epochs: number): EpochRange[] {
  return ranges
    .filter((r) => r.from <= epochs)
    .map((r) => {
      if (r.to <= epochs) return r;
      return { label: r.from === epochs ? `epoch ${r.from}` : `epochs ${r.from}–${epochs}`, from: r.from, to: epochs };
    });
}

/**
 * Blocks of 10 steps for a within-run standard error by batch means (neighbouring steps are
 * correlated), fewer in short ranges so that there are at least 4 blocks.
 */
export function blockFor(range: EpochRange, stepsPerEpoch: number): number {
  return Math.max(1, Math.min(10, Math.floor(((range.to - range.from + 1) * stepsPerEpoch) / 4)));
}

/**
 * Mean of `value(step line)` over the steps of epochs `from`..`to` (1-based, inclusive), and the
 * standard error of that mean by batch means: the steps are cut into consecutive blocks of `block`
 * values and the SE is the spread of the block means / √blocks, which stays honest when neighbouring
 * steps are correlated (block 1: steps treated as independent). A trailing partial block is dropped
 * from the SE (not from the mean).
 * @throws RangeError when no step line of the range has a finite value, or `block` is not a positive integer.
 */
export function rangeMean(steps: readonly StepRecord[], range: EpochRange, stepsPerEpoch: number, value: (r: StepRecord) => number | undefined, block = 1): { mean: number; se: number; n: number } {
  if (!Number.isInteger(block) || block < 1) throw new RangeError(`rangeMean: block must be a positive integer, got ${block}`);
  const lo = (range.from - 1) * stepsPerEpoch + 1;
  const hi = range.to * stepsPerEpoch;
  const vs: number[] = [];
  for (const r of steps) {
    if (r.step < lo || r.step > hi || r.skipped) continue;
    const v = value(r);
    if (v === undefined || !Number.isFinite(v)) continue;
    vs.push(v);
  }
  const n = vs.length;
  if (n === 0) throw new RangeError(`rangeMean: no step of ${range.label} (steps ${lo}–${hi}) has the value`);
  const mean = vs.reduce((a, b) => a + b, 0) / n;
  const blocks: number[] = [];
  for (let i = 0; i + block <= n; i += block) {
    let s = 0;
    for (let j = i; j < i + block; j++) s += vs[j];
    blocks.push(s / block);
  }
  const m = blocks.length;
  if (m < 2) return { mean, se: Number.POSITIVE_INFINITY, n };
  const bm = blocks.reduce((a, b) => a + b, 0) / m;
  let sq = 0;
  for (const b of blocks) sq += (b - bm) * (b - bm);
  return { mean, se: Math.sqrt(sq / (m - 1) / m), n };
}
