/**
 * `gapkit experiment <name>`: one of the papers' effects reproduced — the experiment's sweep files
 * (kept in `apps/gapkit/experiments/<name>/`) run with every seed and grid point on the local pool,
 * then `report.md` with the paper's claim, gapkit's numbers (mean ± std over seeds), the PyTorch
 * reference on the same recipe and a verdict, and figures (PNG + SVG). See `docs/experiments/`.
 */
import { join } from 'node:path';
import { parseArgs } from '../args.js';
import { type Command, UsageError } from '../command.js';
import type { Experiment, ExperimentMode } from '../experiment/experiment.js';
import { EXPERIMENTS_DIR } from '../experiment/experiments-dir.js';
import { type Override, parseOverride } from '../experiment/override-sweep.js';
import { EXPERIMENTS } from '../experiment/registry.js';
import { runExperiment } from '../experiment/run-experiment.js';
import { defaultWorkers } from '../sweep/local-pool.js';
import { describeUnknown } from '@gapkit/autodiff';
import { DEFAULT_DATA_DIR } from '../train/train-flags.js';

const usage = `usage: gapkit experiment NAME [--quick] [--data-dir DIR] [--out DIR] [--report-dir DIR] [--workers N]
                         [--epochs N] [--set PATH=VALUE[;PATH=VALUE…]] [--only FILE[,FILE…]]
                         [--report-only]
       gapkit experiment --list

Reproduces one of the papers' effects: runs the experiment's sweep files (apps/gapkit/experiments/NAME/)
with every seed and grid point on local worker processes (one thread each), then writes report.md —
the paper's claim with its number, what gapkit measured (mean ± std over seeds), the PyTorch reference
on the same recipe, and a verdict (agrees / disagrees / not visible at this scale) with its reason —
with figures/ (PNG, SVG, Vega-Lite) and config/ (the sweep files that ran). Finished runs are skipped
when it runs again and interrupted ones resume, so a stopped experiment continues where it stopped.

options:
  --list            the experiments, what each shows, its data and how long its full form takes
  --quick           the CI-sized form (seconds to a minute): checks the pipeline, shows no effect
  --data-dir DIR    folder holding the data set folders (cifar10/, movielens-100k/; default ${DEFAULT_DATA_DIR})
  --out DIR         runs go to DIR/sweeps/<sweep>/ (default runs/experiments/NAME, or NAME-quick)
  --report-dir DIR  where report.md, figures/ and config/ go (default: --out); the committed reports
                    are docs/experiments/NAME/
  --workers N       local worker processes (default one per core: ${defaultWorkers()})
  --epochs N        every run's length in epochs (e.g. --epochs 300, the LAWN paper's length)
  --set P=V;…       other changes to every sweep's base config (YAML values), e.g. --set 'batchSize=512'
  --only FILE,…     run (and report) only these of the experiment's sweep files, e.g. --only nd-adam.yaml;
                    the report names the sweeps that ran, and says what is missing
  --report-only     run nothing: build report.md from the runs finished so far (e.g. while the sweeps
                    still run in another process); the header counts the runs not finished
  --quiet           no progress lines

example: pnpm gapkit experiment padam-p-sweep --quick --data-dir ~/datasets`;

const SPECS = {
  list: { kind: 'flag' },
  quick: { kind: 'flag' },
  'data-dir': { kind: 'string', default: DEFAULT_DATA_DIR },
  out: { kind: 'string' },
  'report-dir': { kind: 'string' },
  workers: { kind: 'int', min: 1, max: 1024 },
  epochs: { kind: 'int', min: 1, max: 100000 },
  set: { kind: 'string' },
  only: { kind: 'string' },
  'report-only': { kind: 'flag' },
  quiet: { kind: 'flag' },
} as const;

async function loadAll(): Promise<Experiment[]> {
  return Promise.all(Object.values(EXPERIMENTS).map((load) => load()));
}

export async function listText(): Promise<string> {
  const all = await loadAll();
  if (all.length === 0) return 'no experiments yet';
  const width = Math.max(...all.map((e) => e.name.length));
  return [
    'experiments (gapkit experiment NAME [--quick]; sweep files in apps/gapkit/experiments/NAME/):',
    ...all.map((e) => `  ${e.name.padEnd(width)}  ${e.summary}\n  ${' '.repeat(width)}  data: ${e.data.join(', ')}; full form ${e.fullCost}`),
  ].join('\n');
}

/** The experiment with only the sweep files `only` names (comma-separated) in `mode`; all when absent. */
export function onlySweeps(e: Experiment, mode: ExperimentMode, only: string | undefined): Experiment {
  if (only === undefined) return e;
  const listed = e.sweeps[mode];
  const chosen = only.split(',').map((x) => x.trim()).filter((x) => x !== '');
  if (chosen.length === 0) throw new UsageError(`--only: give sweep files of ${e.name} (${listed.join(', ')})`);
  for (const f of chosen) if (!listed.includes(f)) throw new UsageError(`--only: ${e.name} has no ${mode} sweep file ${describeUnknown(f, [...listed])}; its ${mode} sweep files: ${listed.join(', ')}`);
  return { ...e, sweeps: { ...e.sweeps, [mode]: listed.filter((f) => chosen.includes(f)) } };
}

export const command: Command = {
  name: 'experiment',
  summary: "reproduce a paper's effect: its sweeps over seeds, then report.md with the claim, gapkit, PyTorch and a verdict",
  usage,
  async run(args) {
    const { options: o, positionals } = parseArgs(args, SPECS);
    if (o.list) {
      if (positionals.length > 0) throw new UsageError('--list takes no experiment name');
      console.log(await listText());
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? `give an experiment name (${Object.keys(EXPERIMENTS).join(', ')}), or --list` : `one experiment name, got ${positionals.length}: ${positionals.join(' ')}`);
    const name = positionals[0];
    const load = EXPERIMENTS[name];
    if (!load) throw new UsageError(`unknown experiment ${describeUnknown(name, Object.keys(EXPERIMENTS))}; valid: ${Object.keys(EXPERIMENTS).join(', ')}`);
    const mode = o.quick ? 'quick' : 'full';
    const e = onlySweeps(await load(), mode, o.only);
    const overrides: Override[] = [];
    if (o.epochs !== undefined) overrides.push({ path: 'epochs', value: o.epochs });
    for (const part of (o.set ?? '').split(';').map((x) => x.trim()).filter((x) => x !== '')) overrides.push(parseOverride(part));
    const out = o.out ?? join('runs', 'experiments', mode === 'quick' ? `${name}-quick` : name);
    const say = (s: string) => {
      if (!o.quiet) console.log(s);
    };
    say(`experiment ${name} (${mode}${mode === 'full' ? `, ${e.fullCost}` : ''}): sweep files in ${join(EXPERIMENTS_DIR, name)}`);
    const { failed } = await runExperiment(e, {
      mode,
      dataDir: o['data-dir'],
      out,
      reportDir: o['report-dir'] ?? out,
      workers: o.workers,
      overrides,
      command: ['gapkit experiment', ...args].join(' '),
      say,
      reportOnly: o['report-only'],
    });
    say(`wrote ${join(o['report-dir'] ?? out, 'report.md')}`);
    if (failed > 0) console.error(`gapkit experiment: ${failed} runs failed (see the sweeps' sweep.md under ${join(out, 'sweeps')})`);
    return failed > 0 ? 1 : 0;
  },
};
