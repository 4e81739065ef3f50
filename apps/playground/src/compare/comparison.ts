/**
 * A comparison: one `Trainer` per optimizer from the same seed (so the same initial weights and the
 * same batches), stepped in turn on the page's main thread a few steps at a time so the page stays
 * live; pause, resume and reset. Every step and eval record is kept for the charts and the export.
 */
import { type EvalRecord, parseTrainConfig, type StepRecord, Trainer } from '@gapkit/trainer';
import type { ClassifierData } from '@gapkit/trainer';
import type { Setup } from '../setup/setup.js';
import { runConfig } from './run-config.js';

export interface RunState {
  readonly label: string;
  readonly trainer: Trainer;
  readonly steps: StepRecord[];
  readonly evals: EvalRecord[];
}

export type ComparisonStatus = 'running' | 'paused' | 'finished';

export interface ComparisonListener {
  onRecords(runs: readonly RunState[]): void;
  onStatus(status: ComparisonStatus): void;
  onError(e: Error): void;
}

/** Milliseconds of training per slice before the page gets the event loop back. */
const SLICE_MS = 40;

export class Comparison {
  readonly runs: RunState[];
  private status: ComparisonStatus = 'paused';
  private timer: ReturnType<typeof setTimeout> | null = null;

  readonly setup: Setup;
  private readonly listener: ComparisonListener;

  constructor(setup: Setup, data: ClassifierData, listener: ComparisonListener) {
    this.setup = setup;
    this.listener = listener;
    this.runs = setup.optimizers.map((o, i) => {
      const config = parseTrainConfig(runConfig(setup, o), `optimizer ${i + 1} (${o.name})`);
      return { label: `${i + 1}. ${o.name}`, trainer: new Trainer(config, data), steps: [], evals: [] };
    });
  }

  get current(): ComparisonStatus {
    return this.status;
  }

  start(): void {
    if (this.status === 'finished' || this.status === 'running') return;
    this.setStatus('running');
    this.schedule();
  }

  pause(): void {
    if (this.status !== 'running') return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.setStatus('paused');
  }

  /** Stops for good (the owner builds a fresh comparison to reset). */
  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.status = 'finished';
  }

  private setStatus(s: ComparisonStatus): void {
    this.status = s;
    this.listener.onStatus(s);
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.slice(), 0);
  }

  private slice(): void {
    this.timer = null;
    if (this.status !== 'running') return;
    const until = performance.now() + SLICE_MS;
    try {
      do {
        for (const r of this.runs) {
          if (r.trainer.done) continue;
          r.trainer.run({ onStep: (s) => void r.steps.push(s), onEval: (e) => void r.evals.push(e) }, r.trainer.step + 1);
        }
      } while (performance.now() < until && !this.runs.every((r) => r.trainer.done));
    } catch (e) {
      this.setStatus('paused');
      this.listener.onError(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    const done = this.runs.every((r) => r.trainer.done);
    if (done) this.status = 'finished';
    this.listener.onRecords(this.runs);
    if (done) this.setStatus('finished');
    else this.schedule();
  }
}
