/**
 * The sweep's figures, drawn by `@gapkit/plots`: one per metric, one line per grid point (the mean over
 * its seeds at each step) with a band of ± one standard deviation over the seeds (the builder's seed
 * band), written as `<metric>.vl.json`, `.svg` and `.png`.
 */
import { basename } from 'node:path';
import { lineChart } from '@gapkit/plots';
import { writeFigure } from '@gapkit/plots/node';
import type { RunOutcome } from './run-outcome.js';

const TITLES: Record<string, { title: string; log: boolean }> = {
  trainLoss: { title: 'Training loss', log: true },
  loss: { title: 'Test loss', log: false },
  accuracy: { title: 'Test accuracy', log: false },
  ece: { title: 'Test ECE', log: false },
  logitNorm: { title: 'Mean test logit norm', log: false },
  hitRate: { title: 'Test HR@K', log: false },
  ndcg: { title: 'Test NDCG@K', log: false },
};

/** Writes one figure per metric that has curves; returns the file names. */
export async function writeSweepPlots(dir: string, metrics: readonly string[], results: readonly RunOutcome[]): Promise<string[]> {
  const files: string[] = [];
  for (const m of metrics) {
    const data = results.flatMap((o) => (o.curves[m] ?? []).map((c) => ({ step: c.step, value: c.value, point: o.point, seed: o.seed })));
    if (data.length === 0) continue;
    const t = TITLES[m] ?? { title: m, log: false };
    const spec = lineChart({
      title: t.title,
      subtitle: 'mean over seeds; band: ± one (population) standard deviation over the seeds',
      x: { field: 'step', title: 'optimizer step', integer: true },
      y: { field: 'value', title: m, scale: t.log ? 'log' : 'linear' },
      series: 'point',
      seriesTitle: 'grid point',
      seedBand: true,
      data,
    });
    const w = await writeFigure(spec, dir, m);
    files.push(basename(w.spec), basename(w.svg), basename(w.png));
  }
  return files;
}
