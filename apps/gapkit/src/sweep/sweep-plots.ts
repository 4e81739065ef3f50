/**
 * The sweep's figures: one Vega-Lite spec per metric with one line per grid point (the mean over its
 * seeds at each step) and a band of ± one standard deviation over the seeds, saved as
 * `<metric>.vl.json` and rendered to PNG by the trainer's renderer (`train/render-png.ts`).
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { renderPng } from '../train/render-png.js';
import type { RunOutcome } from './run-outcome.js';

const TITLES: Record<string, string> = {
  trainLoss: 'Training loss',
  loss: 'Test loss',
  accuracy: 'Test accuracy',
  ece: 'Test ECE',
  logitNorm: 'Mean test logit norm',
  hitRate: 'Test HR@K',
  ndcg: 'Test NDCG@K',
};

export function bandSpec(metric: string, results: readonly RunOutcome[]): Record<string, unknown> | null {
  const values = results.flatMap((o) => (o.curves[metric] ?? []).filter((c) => Number.isFinite(c.value)).map((c) => ({ step: c.step, value: c.value, point: o.point, seed: o.seed })));
  if (values.length === 0) return null;
  const x = { field: 'step', type: 'quantitative', title: 'optimizer step' };
  const color = { field: 'point', type: 'nominal', title: 'grid point' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${TITLES[metric] ?? metric} — mean over seeds, band ± 1 std`,
    width: 560,
    height: 300,
    background: 'white',
    data: { values },
    layer: [
      { mark: { type: 'errorband', extent: 'stdev', opacity: 0.25 }, encoding: { x, y: { field: 'value', type: 'quantitative', title: metric, scale: { zero: false } }, color } },
      { mark: { type: 'line' }, encoding: { x, y: { aggregate: 'mean', field: 'value', type: 'quantitative', title: metric }, color } },
    ],
  };
}

/** Writes `<metric>.vl.json` and `<metric>.png` for every metric with curves; returns the file names. */
export async function writeSweepPlots(dir: string, metrics: readonly string[], results: readonly RunOutcome[]): Promise<string[]> {
  const files: string[] = [];
  for (const m of metrics) {
    const spec = bandSpec(m, results);
    if (!spec) continue;
    writeFileAtomic(join(dir, `${m}.vl.json`), `${JSON.stringify(spec, null, 1)}\n`);
    files.push(`${m}.vl.json`);
    const png = await renderPng(spec);
    if (png) {
      writeFileAtomic(join(dir, `${m}.png`), png);
      files.push(`${m}.png`);
    }
  }
  return files;
}
