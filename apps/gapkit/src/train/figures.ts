/**
 * Adapter: "write a figure". Each figure is a Vega-Lite spec with its data inlined, saved as
 * `<name>.vl.json` beside the metrics (a user can edit and re-render it), and rendered to
 * `<name>.png` by `render-png.ts`. One spec per figure: loss, test accuracy or HR@K, effective step,
 * gradient norm, logit norm, weight norm — `compare` overlays one series per run.
 */
import { join } from 'node:path';
import type { MetricsRecord } from '@gapkit/trainer';
import { writeFileAtomic } from '../io/atomic-write.js';
import { renderPng } from './render-png.js';

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
export function figureSpec(def: FigureDef, series: readonly Series[]): Record<string, unknown> | null {
  const values: { step: number; value: number; run: string }[] = [];
  for (const s of series) {
    for (const r of s.records) {
      if (r.type !== def.type) continue;
      const v = def.y(r);
      if (v === undefined || (def.log && v <= 0)) continue;
      values.push({ step: r.step, value: v, run: s.name });
    }
  }
  if (values.length === 0) return null;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: def.title,
    width: 560,
    height: 300,
    background: 'white',
    data: { values },
    mark: { type: 'line', point: def.type === 'eval' },
    encoding: {
      x: { field: 'step', type: 'quantitative', title: 'optimizer step' },
      y: { field: 'value', type: 'quantitative', title: def.yTitle, scale: def.log ? { type: 'log' } : { zero: false } },
      color: { field: 'run', type: 'nominal', title: series.length > 1 ? 'optimizer' : 'run' },
    },
  };
}

/** Writes every figure that has data; returns the files written. */
export async function writeFigures(dir: string, series: readonly Series[]): Promise<string[]> {
  const written: string[] = [];
  for (const def of FIGURES) {
    const spec = figureSpec(def, series);
    if (!spec) continue;
    const specPath = join(dir, `${def.file}.vl.json`);
    writeFileAtomic(specPath, `${JSON.stringify(spec, null, 1)}\n`);
    written.push(specPath);
    const png = await renderPng(spec);
    if (png) {
      const pngPath = join(dir, `${def.file}.png`);
      writeFileAtomic(pngPath, png);
      written.push(pngPath);
    }
  }
  return written;
}
