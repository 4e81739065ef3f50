/**
 * `compare`: one task, several optimizer presets, each a full training run (its own run folder under
 * the comparison's) from the same seed — so the same initialization and the same batch order — on
 * data loaded once. Then a table (`summary.md`, printed) and overlaid figures in the comparison folder.
 */
import { join } from 'node:path';
import { parseTrainConfig } from '@gapkit/trainer';
import { writeFileAtomic } from '../io/atomic-write.js';
import { optimizerPreset } from './compare-presets.js';
import { writeFigures } from './figures.js';
import { loadData } from './load-data.js';
import { prepareCompareFolder } from './run-folder.js';
import { parseConfigOrUsage, type RunResult, runTraining } from './run-training.js';
import { resultTable } from './summary.js';

export interface CompareRequest {
  readonly task: Record<string, unknown>;
  readonly presets: readonly string[];
  readonly out: string;
  readonly force: boolean;
  readonly dataDir: string;
  readonly quiet: boolean;
}

export interface CompareResult {
  readonly runs: { preset: string; result: RunResult }[];
  readonly table: string;
  readonly files: string[];
}

export async function runCompare(req: CompareRequest): Promise<CompareResult> {
  for (const p of req.presets) optimizerPreset(p); // unknown names fail before any work
  prepareCompareFolder(req.out, req.force);
  const probe = parseConfigOrUsage({ optimizer: { name: 'adam' }, ...req.task }, 'compare task');
  const loaded = loadData(probe.dataset.name, req.dataDir, probe.seed, probe.dataset.trainSize, probe.dataset.normalization);
  const examples = loaded.data.kind === 'classifier' ? loaded.data.train.n : loaded.data.train.n * (1 + probe.dataset.numNegatives);
  const totalSteps = Math.min(probe.maxSteps ?? Number.POSITIVE_INFINITY, probe.epochs * Math.ceil(examples / probe.batchSize));
  const runs: CompareResult['runs'] = [];
  for (const name of req.presets) {
    const preset = optimizerPreset(name);
    const input = {
      ...req.task,
      optimizer: { name: preset.optimizer, options: preset.options(probe.epochs) },
      ...(preset.schedule ? { schedule: preset.schedule(totalSteps) } : {}),
    };
    parseTrainConfig(input, `compare preset '${name}'`);
    const result = await runTraining({ input, where: `compare preset '${name}'`, out: join(req.out, name), resume: false, force: req.force, dataDir: req.dataDir, quiet: req.quiet, loaded, label: name });
    runs.push({ preset: name, result });
  }
  const series = runs.map((r) => ({ name: r.preset, records: r.result.records }));
  const table = resultTable(series);
  const figures = await writeFigures(req.out, series);
  const notes = req.presets.map((n) => {
    const p = optimizerPreset(n);
    return `- **${n}**: ${p.source}. Scaled down: ${p.scaledDown}.`;
  });
  writeFileAtomic(
    join(req.out, 'summary.md'),
    [`# gapkit compare — ${loaded.description}`, '', 'Same model, initialization (seed) and batch order for every preset.', '', table, '', '## Presets', '', ...notes, '', '## Runs', '', ...runs.map((r) => `- \`${r.preset}/\``), ''].join('\n'),
  );
  return { runs, table, files: ['summary.md', ...figures.map((f) => f.slice(req.out.length + 1))] };
}
