/**
 * An experiment: one of the papers' effects, reproduced by one or more sweep files kept in the repo
 * (`apps/gapkit/experiments/<name>/`, so a reader can read and change them) and a report built from
 * their finished runs — the paper's claim with its number, what gapkit measured (mean ± std over
 * seeds), the PyTorch reference on the same recipe, and a verdict with its reason.
 *
 * `gapkit experiment <name>` runs the sweeps (finished runs are skipped, interrupted ones resume),
 * then calls {@link Experiment.report} and writes `report.md`, `figures/` and `config/`.
 */
import type { writeFigure } from '@gapkit/plots/node';
import type { MetricsRecord } from '@gapkit/trainer';
import type { RunSpec } from '../sweep/expand-sweep.js';
import type { SweepResults } from '../sweep/run-sweep-locally.js';

/** A Vega-Lite spec, as `@gapkit/plots`' builders (`lineChart`) return it. */
export type FigureSpec = Parameters<typeof writeFigure>[0];

/** `full` is the experiment as committed under `docs/experiments/<name>/`; `quick` a CI-sized version (seconds). */
export type ExperimentMode = 'full' | 'quick';

export interface Experiment {
  /** The word after `gapkit experiment`, e.g. `padam-p-sweep`; also the folder of its sweep files. */
  readonly name: string;
  /** The report's title. */
  readonly title: string;
  /** One line for `gapkit experiment --list`. */
  readonly summary: string;
  /** Data set folders it reads under `--data-dir` (e.g. `cifar10`, `movielens-100k`). */
  readonly data: readonly string[];
  /** Sweep files, relative to `apps/gapkit/experiments/<name>/`, per mode; run in this order. */
  readonly sweeps: Readonly<Record<ExperimentMode, readonly string[]>>;
  /** How long the full form takes here (said by `--list` and `--help`), e.g. `≈ 50 min on 2 cores`. */
  readonly fullCost: string;
  /** The body of `report.md` (everything under the common header), built from the finished sweeps. */
  report(ctx: ReportContext): Promise<string>;
}

export interface ReportContext {
  readonly mode: ExperimentMode;
  /** The sweeps' results, in the order of {@link Experiment.sweeps}. */
  readonly sweeps: readonly SweepResults[];
  /** One sweep's results by its name (the sweep file's `name:`); throws naming the valid names. */
  sweep(name: string): SweepResults;
  /** Every line of one run's `metrics.jsonl` (local runs), in order. */
  records(s: SweepResults, run: RunSpec): readonly MetricsRecord[];
  /** Writes `figures/<name>.{vl.json,svg,png}` and returns the Markdown that shows it. */
  figure(name: string, spec: FigureSpec, caption: string): Promise<string>;
}
