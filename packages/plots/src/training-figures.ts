/**
 * The trainer's standard figures, each a `lineChart` with its title, axis titles and scale fixed once:
 * the quantities a run logs (see `metrics.jsonl`), overlaid across runs through the `series` field.
 * Rows carry the series field (default `run`), the x field (`step` or `epoch`) and the metric's field.
 */
import type { TopLevelSpec } from 'vega-lite';
import { lineChart } from './line-chart.js';
import type { Row } from './rows.js';

/** One standard figure: the metric field it plots and how. */
export interface TrainingFigure {
  readonly field: string;
  readonly title: string;
  readonly yTitle: string;
  readonly scale: 'linear' | 'log';
  readonly x: 'step' | 'epoch';
}

export const TRAINING_FIGURES = {
  loss: { field: 'loss', title: 'Training loss', yTitle: 'loss', scale: 'log', x: 'step' },
  testAccuracy: { field: 'testAccuracy', title: 'Test accuracy', yTitle: 'accuracy (%)', scale: 'linear', x: 'epoch' },
  effectiveStep: { field: 'effectiveStep', title: 'Effective step ‖Δw‖/‖w‖', yTitle: '‖Δw‖/‖w‖', scale: 'log', x: 'step' },
  gradNorm: { field: 'gradNorm', title: 'Global gradient norm', yTitle: '‖g‖₂', scale: 'log', x: 'step' },
  logitNorm: { field: 'logitNorm', title: 'Mean logit norm', yTitle: 'mean ‖z‖₂', scale: 'linear', x: 'step' },
  weightNorm: { field: 'weightNorm', title: 'Weight norm', yTitle: '‖w‖₂', scale: 'log', x: 'step' },
} as const satisfies Record<string, TrainingFigure>;

export type TrainingFigureName = keyof typeof TRAINING_FIGURES;

export interface TrainingChartOptions {
  readonly data: readonly Row[];
  /** The field naming each curve (default `'run'`; `'layer'` for per-layer weight norms). */
  readonly series?: string;
  readonly subtitle?: string;
  readonly seedBand?: boolean;
  /** Override the x field (default the figure's `step` / `epoch`). */
  readonly x?: string;
}

/** The Vega-Lite spec of standard figure `name`. @throws Error listing the figures for an unknown name. */
export function trainingChart(name: TrainingFigureName, options: TrainingChartOptions): TopLevelSpec {
  const f: TrainingFigure | undefined = TRAINING_FIGURES[name];
  if (!f) throw new Error(`trainingChart: unknown figure ${JSON.stringify(name)}; expected one of ${Object.keys(TRAINING_FIGURES).join(', ')}`);
  const x = options.x ?? f.x;
  return lineChart({
    title: f.title,
    subtitle: options.subtitle,
    x: { field: x, title: x, integer: true },
    y: { field: f.field, title: f.yTitle, scale: f.scale },
    series: options.series ?? 'run',
    data: options.data,
    seedBand: options.seedBand,
    points: f.x === 'epoch',
  });
}
