/**
 * Adapter: "write a figure". Each figure is a Vega-Lite spec from `@gapkit/plots` with its data
 * inlined, written as `<name>.vl.json` (a user can edit and re-render it), `.svg` and `.png` by
 * `@gapkit/plots/node`. One figure per quantity: loss, test accuracy or HR@K, effective step,
 * gradient norm, logit norm, weight norm — `compare` overlays one series per run.
 */
import { lineChart } from '@gapkit/plots';
import { writeFigure } from '@gapkit/plots/node';
import type { MetricsRecord } from '@gapkit/trainer';

export interface Series {
  readonly name: string;
  readonly records: readonly MetricsRecord[];
}

interface FigureDef {
  readonly file: string;
  readonly title: string;
  readonly type: 'step' | 'eval';
  readonly y: (r: MetricsRecord) => number | undefined;
  readonly yTitle: string;
  readonly log: boolean;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export const FIGURES: readonly FigureDef[] = [
  { file: 'loss', title: 'Training loss', type: 'step', y: (r) => (r.type === 'step' ? num(r.loss) : undefined), yTitle: 'loss', log: true },
  { file: 'test-accuracy', title: 'Test accuracy', type: 'eval', y: (r) => (r.type === 'eval' ? num(r.accuracy) : undefined), yTitle: 'accuracy', log: false },
  { file: 'test-hit-rate', title: 'Test HR@K', type: 'eval', y: (r) => (r.type === 'eval' ? num(r.hitRate) : undefined), yTitle: 'HR@K', log: false },
  { file: 'effective-step', title: 'Effective step ‖Δw‖/‖w‖ (group 0)', type: 'step', y: (r) => (r.type === 'step' ? num(r.effectiveStep[0]) : undefined), yTitle: '‖Δw‖/‖w‖', log: true },
  { file: 'grad-norm', title: 'Global gradient norm ‖g‖', type: 'step', y: (r) => (r.type === 'step' ? num(r.gradNorm) : undefined), yTitle: '‖g‖', log: true },
  { file: 'logit-norm', title: 'Mean logit norm (training batches)', type: 'step', y: (r) => (r.type === 'step' ? num(r.logitNorm) : undefined), yTitle: 'mean ‖z‖', log: false },
  { file: 'weight-norm', title: 'Weight norm ‖w‖ (group 0)', type: 'step', y: (r) => (r.type === 'step' ? num(r.weightNorm[0]) : undefined), yTitle: '‖w‖', log: false },
];

/** The Vega-Lite spec of one figure over the given runs, or null when no run has a value for it. */
export function figureSpec(def: FigureDef, series: readonly Series[]): ReturnType<typeof lineChart> | null {
  const data: { step: number; value: number; run: string }[] = [];
  for (const s of series) {
    for (const r of s.records) {
      if (r.type !== def.type) continue;
      const v = def.y(r);
      if (v === undefined || (def.log && v <= 0)) continue;
      data.push({ step: r.step, value: v, run: s.name });
    }
  }
  if (data.length === 0) return null;
  return lineChart({
    title: def.title,
    x: { field: 'step', title: 'step', integer: true },
    y: { field: 'value', title: def.yTitle, scale: def.log ? 'log' : 'linear' },
    series: 'run',
    data,
    points: def.type === 'eval',
  });
}

/** Writes every figure that has data (.vl.json, .svg, .png); returns the files written. */
export async function writeFigures(dir: string, series: readonly Series[]): Promise<string[]> {
  const written: string[] = [];
  for (const def of FIGURES) {
    const spec = figureSpec(def, series);
    if (!spec) continue;
    const w = await writeFigure(spec, dir, def.file);
    written.push(w.spec, w.svg, w.png);
  }
  return written;
}
