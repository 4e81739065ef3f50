/**
 * `gapkit eval RUN_DIR`: a run's checkpoint (newest, best, or a named one) on a split — loss,
 * accuracy, ECE (15 bins) and mean logit norm for classifiers; HR@K and NDCG@K for NCF.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateClassifier, evaluateNcf, restoreCheckpoint, Trainer } from '@gapkit/trainer';
import { parseArgs } from '../args.js';
import { type Command, UsageError } from '../command.js';
import { readBackendPlan, useBackend } from '../train/backend-plan.js';
import { listStepCheckpoints, readCheckpoint } from '../train/checkpoint-files.js';
import { readConfigFile, savedDataDir } from '../train/config-file.js';
import { loadData } from '../train/load-data.js';
import { parseConfigOrUsage } from '../train/run-training.js';
import { DEFAULT_DATA_DIR } from '../train/train-flags.js';
import { BACKEND_CHOICES } from '../train/backend-option.js';

const SPECS = {
  checkpoint: { kind: 'string', default: 'last' },
  split: { kind: 'string', default: 'test', choices: ['test', 'train'] },
  'data-dir': { kind: 'string' },
  backend: { kind: 'string', choices: BACKEND_CHOICES },
  json: { kind: 'flag' },
} as const;

const usage = `usage: gapkit eval RUN_DIR [options]

Evaluates a checkpoint of a run folder on a split: loss, accuracy, ECE (15 bins) and mean logit norm
for classifiers; HR@K and NDCG@K (K from the config, 10 by default) for NCF models.

options:
  --checkpoint NAME   last (default: the newest ckpt-*), best, or a file stem such as ckpt-00000020
  --split NAME        test (default) or train (classifiers; without augmentation)
  --data-dir DIR      folder holding <dataset>/ (default: the run's, else ${DEFAULT_DATA_DIR})
  --backend NAME      compute backend (default: the run's)
  --json              print the result as one JSON line

example: pnpm gapkit eval runs/resnet-cifar10-nd-adam --checkpoint best --data-dir ~/datasets`;

export const command: Command = {
  name: 'eval',
  summary: 'evaluate a checkpoint on a split',
  usage,
  async run(args) {
    const { options: o, positionals } = parseArgs(args, SPECS);
    const dir = positionals[0];
    if (dir === undefined || positionals.length > 1) throw new UsageError(`expected one run folder, got ${positionals.length === 0 ? 'none' : positionals.join(' ')}`);
    if (!existsSync(join(dir, 'config.yaml'))) throw new UsageError(`${dir} is not a run folder (no config.yaml)`);
    const raw = readConfigFile(join(dir, 'config.yaml'));
    const config = parseConfigOrUsage(raw, join(dir, 'config.yaml'));
    let name = o.checkpoint;
    if (name === 'last') {
      const newest = listStepCheckpoints(dir).at(-1);
      if (!newest) throw new UsageError(`${dir} holds no step checkpoint (ckpt-*.json)`);
      name = newest.name;
    }
    // the run's own kernels (auto's recorded plan) unless another backend is asked for
    const backend = await useBackend(o.backend ?? config.backend, o.backend === undefined ? readBackendPlan(dir) : undefined);
    try {
      const loaded = loadData(config.dataset.name, o['data-dir'] ?? savedDataDir(raw) ?? DEFAULT_DATA_DIR, config.seed, config.dataset.trainSize, config.dataset.normalization);
      const trainer = new Trainer(config, loaded.data);
      restoreCheckpoint(trainer, readCheckpoint(dir, name), join(dir, `${name}.json`));
      const data = loaded.data;
      let result: Record<string, number | string>;
      if (trainer.built.kind === 'classifier' && data.kind === 'classifier') {
        const e = evaluateClassifier(trainer.built.model, o.split === 'train' ? data.train : data.test, data.normalization);
        result = { split: o.split, n: e.n, loss: e.loss, accuracy: e.accuracy, ece: e.ece, logitNorm: e.logitNorm };
      } else if (trainer.built.kind === 'recommender' && data.kind === 'recommender') {
        if (o.split !== 'test') throw new UsageError('--split train: NCF models are evaluated on the leave-one-out test set only');
        const e = evaluateNcf(trainer.built.model, data.testSet, config.dataset.topK);
        result = { split: 'test', n: e.n, k: e.k, hitRate: e.hitRate, ndcg: e.ndcg };
      } else throw new Error('eval: model and data kinds disagree');
      const at = { checkpoint: name, step: trainer.step };
      if (o.json) console.log(JSON.stringify({ ...at, ...result }));
      else {
        console.log(`${dir} ${name} (step ${trainer.step}) on ${result.split} (${result.n} examples):`);
        if ('accuracy' in result) {
          console.log(`  loss ${Number(result.loss).toFixed(4)}  accuracy ${(100 * Number(result.accuracy)).toFixed(2)}%  ECE ${Number(result.ece).toFixed(4)}  mean logit norm ${Number(result.logitNorm).toFixed(3)}`);
        } else console.log(`  HR@${result.k} ${Number(result.hitRate).toFixed(4)}  NDCG@${result.k} ${Number(result.ndcg).toFixed(4)}`);
      }
      return 0;
    } finally {
      backend.dispose();
    }
  },
};
