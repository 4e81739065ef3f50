/**
 * `gapkit train`: one model, one data set, one optimizer, into a run folder (config.yaml,
 * metrics.jsonl/csv, summary.md, figures, safetensors checkpoints); `--resume DIR` continues it bit
 * for bit; `--config FILE` (YAML or JSON) repeats it, flags overriding the file.
 */
import { join } from 'node:path';
import { DATASET_NAMES, optimizerNames, SCHEDULE_NAMES } from '@gapkit/trainer';
import { parseArgs } from '../args.js';
import { type Command, UsageError } from '../command.js';
import { BACKEND_CHOICES } from '../train/backend-option.js';
import { readConfigFile, savedDataDir } from '../train/config-file.js';
import { type RunResult, runTraining } from '../train/run-training.js';
import { lastEval } from '../train/summary.js';
import { DEFAULT_DATA_DIR, overlayTrainFlags, TRAIN_FLAGS } from '../train/train-flags.js';

const usage = `usage: gapkit train --model NAME --dataset NAME --optimizer NAME [options]
       gapkit train --config FILE [options]          (flags override the file)
       gapkit train --resume DIR [--max-steps N]     (continue a run from its newest checkpoint)

Trains a @gapkit/model-zoo model on a data set with a @gapkit/optimizers optimizer and writes a run
folder: config.yaml (every setting, defaults included, with data checksums, versions and the backend),
metrics.jsonl (a line per logged step and per evaluation), metrics.csv, summary.md, one Vega-Lite spec
and PNG per figure, and checkpoints ckpt-<step>.safetensors + .json (the last K) and best.*.

task:
  --model NAME            a zoo model (gapkit models): mlp, resnet, wrn, wrn-ndadam, vgg16, ncf-gmf, neumf, …
  --model-opt K=V,…       model options (e.g. blocks=[3,3,3],widths=[16,32,64])
  --depth N / --width W   resnet depth 6n+2 (8 = ResNet-8), wrn depth / widen factor, mlp hidden units
  --dataset NAME          ${DATASET_NAMES.join(', ')}
  --data-dir DIR          folder holding <dataset>/ (default ${DEFAULT_DATA_DIR}; digits and synthetic-implicit need none)
  --train-size N          class-balanced subset of the training images
  --augment               random crop (+ flip on CIFAR) on training images
  --num-negatives N       NCF negatives per positive (default 4)
  --head KIND             none, bn-softmax (γ_C 2.5 / 1), logit-l2 (λ_C 1e-3); --head-scale overrides
optimizer:
  --optimizer NAME        ${optimizerNames().join(', ')}
  --opt K=V,…             hyperparameters (e.g. --opt lr=0.01,beta2=0.99); --lr, --weight-decay for short
  --decay-norms           also decay biases and norm parameters (default: they get no weight decay)
  --non-finite P          a NaN/±Infinity loss or gradient: error (default) stops the run naming the step,
                          the tensor, the op and the last good checkpoint; skip skips the step and counts it
  --schedule KIND         ${SCHEDULE_NAMES.join(', ')} (on every learning rate)
  --schedule-unit U       epoch (default) or step; --every N, --gamma G, --milestones a,b, --total N,
                          --warmup N, --t0 N, --t-mult M, --min-lr X
run:
  --epochs N              (default 3)      --max-steps N   stop after N optimizer steps in all (across resumes)
  --batch-size N          (default 64)     --seed N        (default 1)
  --eval-every N          steps (0 = every epoch, default)   --log-every N   metrics line every N steps (10)
  --checkpoint-every K    steps (0 = every epoch, default)   --keep-last K   step checkpoints kept (3)
  --backend NAME          ${BACKEND_CHOICES.join(', ')} (default auto)
  --detect-anomaly        anomaly mode for the whole run: every op's output and gradient is checked (slower);
                          without it a failed step is re-run once in anomaly mode to name the op
  --log-layers A,B        also log ‖Δw‖/‖w‖ and ‖w‖ of these parameters or layer ids (checkpoint names: layer1.0.conv1.weight, layer1.0.conv1)
  --out DIR               run folder (default runs/<model>-<dataset>-<optimizer>); refused if it exists
  --force                 start an existing run folder over
  --resume DIR            continue the run in DIR
  --config FILE           YAML or JSON config (a run's config.yaml repeats it)
  --quiet                 no progress output

example: pnpm gapkit train --model resnet --depth 8 --dataset cifar10 --data-dir ~/datasets --optimizer nd-adam --max-steps 20`;

export const command: Command = {
  name: 'train',
  summary: 'train a zoo model on a data set with one optimizer, into a run folder with metrics, plots and checkpoints',
  usage,
  async run(args) {
    const { options: o, positionals } = parseArgs(args, TRAIN_FLAGS);
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if (o.resume !== undefined && o.config !== undefined) throw new UsageError('--resume uses the run folder\'s config.yaml; do not give --config too');
    if (o.resume !== undefined && o.out !== undefined && o.out !== o.resume) throw new UsageError('--resume continues in its own folder; drop --out');
    if (o.resume !== undefined && o.force) throw new UsageError('--resume and --force contradict each other');
    const file = o.resume !== undefined ? join(o.resume, 'config.yaml') : o.config;
    const base = file !== undefined ? readConfigFile(file) : { model: { name: 'mlp' }, dataset: { name: 'digits' }, optimizer: { name: 'adam' } };
    const input = overlayTrainFlags(base, o);
    const m = (input.model as { name?: string } | undefined)?.name ?? 'model';
    const d = (input.dataset as { name?: string } | undefined)?.name ?? 'data';
    const op = (input.optimizer as { name?: string } | undefined)?.name ?? 'optimizer';
    const out = o.resume ?? o.out ?? join('runs', `${m}-${d}-${op}`);
    const r = await runTraining({
      input,
      where: file ?? 'flags',
      out,
      resume: o.resume !== undefined,
      force: o.force,
      dataDir: o['data-dir'] ?? savedDataDir(base) ?? DEFAULT_DATA_DIR,
      quiet: o.quiet,
    });
    if (!o.quiet) console.log(finalLines(r));
    return 0;
  },
};

/** What `gapkit train` prints at the end: the result, the steps skipped, and the files written. */
export function finalLines(r: RunResult): string {
  const e = lastEval(r.records);
  const result = e?.accuracy !== undefined ? `test accuracy ${(100 * e.accuracy).toFixed(2)}%` : e?.hitRate !== undefined ? `HR@${e.k} ${e.hitRate.toFixed(4)}, NDCG@${e.k} ${e.ndcg?.toFixed(4)}` : '';
  const skipped = r.skippedSteps > 0 ? `${r.skippedSteps} step${r.skippedSteps === 1 ? '' : 's'} skipped (non-finite)` : 'no step skipped';
  return `done: ${result}, ${skipped}\nwrote ${r.out}/: ${r.files.join(', ')} and checkpoints`;
}
