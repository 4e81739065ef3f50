/**
 * `epoch-resnet8-cifar5k-b128` on gapkit: one epoch of the CIFAR experiments' recipe through
 * `@gapkit/trainer` (what `gapkit experiment` runs), on the real files. Data are loaded as
 * `gapkit train` loads them (`@gapkit/cli/load-data`: the first 500 images of each class of
 * data_batch_1.bin, per-channel statistics of the whole file); the model, augmentation and Adam come
 * from the config below, as in `apps/gapkit/experiments/adams-gradient-norm/adams.yaml` with Adam.
 * Evaluation is off (its cadence is past the run's end), so a repetition is the 40 training steps only.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR, loadData } from '@gapkit/cli/load-data';
import { parseTrainConfig, Trainer } from '@gapkit/trainer';
import type { Prepared } from './engine.js';
import type { EpochWorkload } from './workloads.js';

/** The environment variable through which the bench hands `--data-dir` to its engine children. */
export const DATA_DIR_ENV = 'GAPKIT_BENCH_DATA_DIR';

/** The data folder the children use: the variable when the parent set it, else `gapkit`'s default. */
export function benchDataDir(): string {
  return process.env[DATA_DIR_ENV] ?? DEFAULT_DATA_DIR;
}

/** Why the epoch workload cannot run with `dataDir`, or null. */
export function epochDataUnavailable(dataDir: string): string | null {
  const file = join(dataDir, 'cifar10', 'data_batch_1.bin');
  return existsSync(file) ? null : `it needs the real CIFAR-10 files and ${file} does not exist (give the folder that holds cifar10/ with --data-dir)`;
}

/** Epochs the trainer is configured for: far more than the bench runs, so no schedule or final evaluation is reached. */
const EPOCHS = 1000;

/** The recipe's config for `w`, Adam lr 1e-3 (the reference's Adam row without its L2). */
export function epochConfig(w: EpochWorkload) {
  return parseTrainConfig(
    {
      model: { name: 'resnet', options: { blocks: [1, 1, 1], widths: [16, 32, 64], convInit: 'he-fan-out' } },
      dataset: { name: 'cifar10', trainSize: w.trainSize, augment: true, normalization: 'train-statistics' },
      optimizer: { name: 'adam', options: { lr: 1e-3 } },
      batchSize: w.batch,
      epochs: EPOCHS,
      evalEvery: EPOCHS * Math.ceil(w.trainSize / w.batch),
      logEvery: 1000,
      seed: 1,
    },
    w.name,
  );
}

/** One repetition = one epoch of training. */
export function prepareEpoch(w: EpochWorkload): Prepared {
  const dir = benchDataDir();
  const why = epochDataUnavailable(dir);
  if (why !== null) throw new Error(`${w.name}: ${why}`);
  const config = epochConfig(w);
  const { data } = loadData('cifar10', dir, config.seed, w.trainSize, 'train-statistics');
  const trainer = new Trainer(config, data);
  const params = trainer.model.parameters().reduce((s, p) => s + p.size, 0);
  return {
    run() {
      trainer.run({}, trainer.step + trainer.stepsPerEpoch);
    },
    describe: () => ({ epoch: `${trainer.stepsPerEpoch} steps of ${w.batch} over ${w.trainSize} CIFAR-10 images from ${dir}, ResNet-8 (${params} parameters), Adam lr 1e-3, augmentation on`, trained: `${trainer.step} steps so far` }),
    dispose() {},
  };
}
