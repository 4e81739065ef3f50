/**
 * Runs a tiny experiment of the test's own (two sweeps on the embedded digits) through the experiment
 * runner in a process of its own (the runner forks pool workers, which need tsx's loader: the test
 * runs this file with it). Usage: node --import tsx/loader tiny-experiment.ts ROOT [report-only OUT];
 * prints JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineChart } from '@gapkit/plots';
import type { Experiment } from '../src/experiment/experiment.js';
import { parseOverride } from '../src/experiment/override-sweep.js';
import { runExperiment } from '../src/experiment/run-experiment.js';

const root = process.argv[2];
const reportOnly = process.argv[3] === 'report-only';
const outName = process.argv[4] ?? 'out';
const sweepDir = join(root, 'tiny');
mkdirSync(sweepDir, { recursive: true });
const sweepYaml = (name: string, lr: number) =>
  [
    `name: ${name}`,
    'base:',
    '  model: { name: mlp, options: { hidden: [8] } }',
    '  dataset: { name: digits, trainSize: 100 }',
    `  optimizer: { name: sgd, options: { lr: ${lr} } }`,
    '  batchSize: 20',
    '  epochs: 1',
    '  logEvery: 1',
    'seeds: [1, 2]',
    'metrics: [accuracy, trainLoss]',
    '',
  ].join('\n');
writeFileSync(join(sweepDir, 'a.yaml'), sweepYaml('tiny-a', 0.1));
writeFileSync(join(sweepDir, 'b.yaml'), sweepYaml('tiny-b', 0.05));

const tiny: Experiment = {
  name: 'tiny',
  title: 'A tiny experiment',
  summary: 'two learning rates',
  data: [],
  sweeps: { full: ['a.yaml', 'b.yaml'], quick: ['a.yaml'] },
  fullCost: 'seconds',
  async report(ctx) {
    const lines = [];
    for (const s of ctx.sweeps) {
      for (const run of s.runs) {
        if (!s.results.has(run.key)) continue;
        const steps = ctx.records(s, run).filter((r) => r.type === 'step');
        lines.push(`${s.sweep.name} seed ${run.seed}: ${steps.length} step lines, lr ${steps[0]?.lr}, epochs ${run.input.epochs}`);
      }
    }
    const fig = await ctx.figure('loss', lineChart({ title: 't', x: { field: 'x', title: 'x' }, y: { field: 'y', title: 'y' }, data: [{ x: 1, y: 2 }, { x: 2, y: 1 }] }), 'a caption');
    return `## Body\n\n${lines.join('\n')}\n\n${fig}\n\n${ctx.sweep('tiny-a').sweep.name}\n`;
  },
};

const said: string[] = [];
const { report, failed } = await runExperiment(tiny, {
  mode: 'full',
  dataDir: root,
  out: join(root, outName),
  reportDir: join(root, reportOnly ? `report-${outName}` : 'report'),
  workers: 2,
  overrides: [parseOverride('epochs=2')],
  command: 'gapkit experiment tiny',
  say: (s) => said.push(s),
  sweepDir,
  reportOnly,
});
process.stdout.write(JSON.stringify({ report, failed, said }));
