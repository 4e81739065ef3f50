/**
 * `gapkit sweep FILE --status`: done / running / failed / waiting counts of a sweep, each run's state,
 * and an ETA (the mean time of the finished runs × the runs left ÷ the workers).
 */
import type { RunSpec } from './expand-sweep.js';
import type { SweepFolder } from './sweep-folder.js';
import { formatDuration } from './sweep-progress.js';

export type RunState = 'done' | 'running' | 'failed' | 'waiting';

export interface SweepStatus {
  readonly states: ReadonlyMap<string, RunState>;
  readonly counts: Readonly<Record<RunState, number>>;
  readonly etaSeconds: number;
}

/** `running`: keys being trained (queue: active jobs; local: run folders started without a result). */
export function sweepStatus(runs: readonly RunSpec[], folder: SweepFolder, running: ReadonlySet<string>, workers: number): SweepStatus {
  const results = folder.results();
  const failures = folder.failures();
  const states = new Map<string, RunState>();
  const counts: Record<RunState, number> = { done: 0, running: 0, failed: 0, waiting: 0 };
  for (const r of runs) {
    const s: RunState = results.has(r.key) ? 'done' : failures.has(r.key) ? 'failed' : running.has(r.key) ? 'running' : 'waiting';
    states.set(r.key, s);
    counts[s]++;
  }
  let total = 0;
  for (const o of results.values()) total += o.seconds;
  const mean = results.size > 0 ? total / results.size : Number.NaN;
  const left = counts.running + counts.waiting;
  return { states, counts, etaSeconds: left === 0 ? 0 : (mean * left) / Math.max(1, workers) };
}

export function statusText(name: string, runs: readonly RunSpec[], s: SweepStatus): string {
  const c = s.counts;
  return [
    `sweep ${name}: ${runs.length} runs — ${c.done} done, ${c.running} running, ${c.failed} failed, ${c.waiting} waiting; ETA ${formatDuration(s.etaSeconds)}`,
    ...runs.map((r) => `  ${(s.states.get(r.key) ?? 'waiting').padEnd(7)}  ${r.key}  ${r.point} seed ${r.seed}`),
  ].join('\n');
}
