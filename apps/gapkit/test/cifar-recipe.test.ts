/**
 * The CIFAR experiments' data recipe (the PyTorch reference runs', line for line) on the real
 * ../shared/data/cifar10: the 5,000-image subset is the first 500 images of each class of
 * data_batch_1.bin in file order; `normalization: train-statistics` is the per-channel mean and
 * population std of all 10,000 images of the file; the augmentation is zero-pad 4 + crop + flip.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CIFAR_AUGMENTATION, labelHistogram } from '@gapkit/data';
import { describe, expect, it } from 'vitest';
import { loadData } from '../src/train/load-data.js';
import { missingData, SHARED_DATA } from './experiment-quick-helpers.js';

const skip = missingData(['cifar10']);
if (skip) console.warn(`cifar-recipe: ${skip}`);

describe.skipIf(skip !== null)('the CIFAR experiments\' data recipe on data_batch_1.bin', () => {
  const file = readFileSync(join(SHARED_DATA, 'cifar10', 'data_batch_1.bin'));
  const records = file.length / 3073;

  it('the subset is the first 500 of each class, in file order', () => {
    const { data } = loadData('cifar10', SHARED_DATA, 1, 5000, 'train-statistics');
    if (data.kind !== 'classifier') throw new Error('expected images');
    expect(Array.from(labelHistogram(data.train.labels, 10))).toEqual(Array(10).fill(500));
    const taken = new Array(10).fill(0);
    const expected: number[] = [];
    for (let k = 0; k < records; k++) {
      const c = file[k * 3073];
      if (taken[c] < 500) {
        taken[c]++;
        expected.push(k);
      }
    }
    expect(expected).toHaveLength(5000);
    for (const i of [0, 1, 2499, 4999]) {
      const k = expected[i];
      expect(data.train.labels[i]).toBe(file[k * 3073]);
      expect(Array.from(data.train.images.subarray(i * 3072, i * 3072 + 3072))).toEqual(Array.from(file.subarray(k * 3073 + 1, k * 3073 + 3073)));
    }
    expect(data.augmentation).toEqual(CIFAR_AUGMENTATION);
    expect(CIFAR_AUGMENTATION).toEqual({ crop: { padding: 4, mode: 'zero' }, flip: true });
  });

  it('train-statistics is the per-channel mean and population std of all 10,000 images of the file', () => {
    const { data } = loadData('cifar10', SHARED_DATA, 1, 5000, 'train-statistics');
    if (data.kind !== 'classifier' || !data.normalization) throw new Error('expected a normalization');
    expect(records).toBe(10_000);
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      let sq = 0;
      for (let k = 0; k < records; k++) {
        const base = k * 3073 + 1 + c * 1024;
        for (let p = 0; p < 1024; p++) {
          const v = file[base + p] / 255;
          sum += v;
          sq += v * v;
        }
      }
      const n = records * 1024;
      const mean = sum / n;
      expect(data.normalization.mean[c]).toBeCloseTo(mean, 10);
      expect(data.normalization.std[c]).toBeCloseTo(Math.sqrt(sq / n - mean * mean), 8);
    }
    expect(data.normalization.scale).toBe('unit');
    // The papers' constants stay the default.
    const papers = loadData('cifar10', SHARED_DATA, 1, 5000);
    if (papers.data.kind !== 'classifier') throw new Error('expected images');
    expect(papers.data.normalization?.name).toBe('cifar10');
  });
});
