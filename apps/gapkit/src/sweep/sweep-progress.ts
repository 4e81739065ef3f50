/**
 * One line per finished run: `[3/9] p=0.125 seed 2: accuracy 0.9120, loss 0.3101 (12.3 s) — ETA 1:05`.
 * The ETA is the time still needed at the rate runs have finished so far in this session.
 */
import type { RunOutcome } from './run-outcome.js';

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function formatMetric(name: string, v: number): string {
  return name === 'accuracy' || name === 'hitRate' ? `${(100 * v).toFixed(2)}%` : v.toPrecision(4);
}

export class SweepProgress {
  private finished = 0;
  private readonly t0 = performance.now();

  /** `total` runs in the sweep, `already` of them finished before this session. */
  private readonly total: number;
  private readonly already: number;
  private readonly metrics: readonly string[];
  private readonly print: (line: string) => void;

  constructor(total: number, already: number, metrics: readonly string[], print: (line: string) => void) {
    this.total = total;
    this.already = already;
    this.metrics = metrics;
    this.print = print;
  }

  eta(): number {
    const remaining = this.total - this.already - this.finished;
    if (remaining <= 0) return 0;
    if (this.finished === 0) return Number.NaN;
    return (((performance.now() - this.t0) / 1000) * remaining) / this.finished;
  }

  report(o: RunOutcome): void {
    this.finished++;
    const n = this.already + this.finished;
    const what = o.status === 'done'
      ? this.metrics.filter((m) => o.metrics[m] !== undefined).map((m) => `${m} ${formatMetric(m, o.metrics[m])}`).join(', ')
      : `FAILED: ${o.error}`;
    const resumed = o.resumedFrom > 0 ? `, resumed at step ${o.resumedFrom}` : '';
    this.print(`[${n}/${this.total}] ${o.point} seed ${o.seed}: ${what} (${o.seconds.toFixed(1)} s${resumed}) — ETA ${formatDuration(this.eta())}`);
  }
}
