/**
 * `gapkit compare`: several optimizer presets on one task from the same initialization and batch
 * order; a table and overlaid plots. `--preset demo` is the README demo.
 */
import { join } from 'node:path';
import { parseArgs } from '../args.js';
import { type Command, UsageError } from '../command.js';
import { PRESET_NAMES, TASK_PRESETS } from '../train/compare-presets.js';
import { readConfigFile } from '../train/config-file.js';
import { runCompare } from '../train/run-compare.js';
import { DEFAULT_DATA_DIR, overlayTaskFlags, TASK_FLAGS } from '../train/train-flags.js';

const SPECS = {
  ...TASK_FLAGS,
  preset: { kind: 'string', choices: Object.keys(TASK_PRESETS) },
  optimizers: { kind: 'list' },
  out: { kind: 'string' },
  force: { kind: 'flag' },
  quiet: { kind: 'flag' },
} as const;

const usage = `usage: gapkit compare [--preset demo] [--optimizers LIST] [task flags of gapkit train]

Trains one model on one data set once per optimizer preset — same seed, so the same initialization
and batch order — and writes <out>/<preset>/ run folders, a summary.md table and overlaid figures
(loss, test accuracy or HR@K, effective step, gradient norm, logit norm, weight norm) in <out>.

options:
  --preset NAME        a whole comparison: ${Object.entries(TASK_PRESETS).map(([k, v]) => `${k} (${v.description})`).join('; ')}
  --optimizers LIST    presets, from ${PRESET_NAMES.join(', ')} (default: all)
  --out DIR            default runs/compare-<model>-<dataset>
  --force              start an existing folder over
  task flags           --model, --model-opt, --depth, --width, --dataset, --data-dir, --train-size, --augment,
                       --head, --epochs, --max-steps, --batch-size, --seed, --eval-every, --backend, --config,
                       --detect-anomaly, --log-layers (see gapkit train --help)

example: pnpm gapkit compare --model resnet --depth 8 --dataset cifar10 --data-dir ~/datasets --optimizers adam,padam,nd-adam --max-steps 50`;

export const command: Command = {
  name: 'compare',
  summary: 'several optimizer presets on one task from the same initialization and batch order',
  usage,
  async run(args) {
    const { options: o, positionals } = parseArgs(args, SPECS);
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const preset = o.preset ? TASK_PRESETS[o.preset] : undefined;
    const base = o.config !== undefined ? readConfigFile(o.config) : (preset?.config ?? { model: { name: 'mlp' }, dataset: { name: 'digits' } });
    const task = overlayTaskFlags(base, o);
    delete task.optimizer;
    const presets = o.optimizers ?? preset?.optimizers ?? PRESET_NAMES;
    const m = (task.model as { name?: string } | undefined)?.name ?? 'model';
    const d = (task.dataset as { name?: string } | undefined)?.name ?? 'data';
    const out = o.out ?? join('runs', o.preset ?? `compare-${m}-${d}`);
    const r = await runCompare({ task, presets, out, force: o.force, dataDir: o['data-dir'] ?? DEFAULT_DATA_DIR, quiet: o.quiet });
    if (!o.quiet) console.log(`\n${r.table}\n\nwrote ${out}/: ${r.files.join(', ')} and a run folder per preset`);
    return 0;
  },
};
