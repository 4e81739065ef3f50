/** `sweep.md`: what was swept, the grid table, each point's seeds, failures, and the figures. */
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { gridTable, seedTable, summarizePoints } from './aggregate.js';
import type { RunSpec } from './expand-sweep.js';
import type { RunOutcome } from './run-outcome.js';
import type { SweepFile } from './sweep-file.js';
import { writeSweepPlots } from './sweep-plots.js';

export async function writeSweepReport(dir: string, sweep: SweepFile, runs: readonly RunSpec[], results: ReadonlyMap<string, RunOutcome>, failures: ReadonlyMap<string, RunOutcome>): Promise<string> {
  const metrics = sweep.metrics;
  const points = summarizePoints(runs, results, metrics);
  const done = runs.map((r) => results.get(r.key)).filter((o): o is RunOutcome => o !== undefined);
  const plots = await writeSweepPlots(dir, [...new Set(['trainLoss', ...metrics])], done);
  const failed = runs.filter((r) => failures.has(r.key) && !results.has(r.key));
  const lines = [
    `# gapkit sweep — ${sweep.name}`,
    '',
    `${runs.length} runs: ${new Set(runs.map((r) => r.point)).size} grid points × ${sweep.seeds.length} seeds (${sweep.seeds.join(', ')}); ${done.length} finished, ${failed.length} failed.`,
    `Axes: ${sweep.axes.length === 0 ? 'none' : sweep.axes.map((a) => `\`${a.path}\` ∈ ${JSON.stringify(a.values)}`).join('; ')}. Base config and axes: \`sweep.yaml\`; every run's config: \`runs.json\`.`,
    '',
    '## Mean ± std over seeds',
    '',
    gridTable(points, metrics),
    '',
    'Metrics are the last evaluation\'s on the test split (`trainLoss`: the last logged training loss); std is the sample standard deviation (n − 1); the figures\' bands use the population one (n), as `@gapkit/plots` draws them.',
    '',
    ...points.flatMap((p) => [`### ${p.point}`, '', seedTable(p, metrics), '']),
    ...(failed.length > 0 ? ['## Failed runs', '', ...failed.map((r) => `- ${r.point} seed ${r.seed} (\`${r.key}\`): ${failures.get(r.key)?.error}`), ''] : []),
    '## Figures',
    '',
    ...plots.filter((f) => f.endsWith('.png')).map((f) => `![${f}](${f})`),
    '',
  ];
  const text = lines.join('\n');
  writeFileAtomic(join(dir, 'sweep.md'), text);
  return text;
}
