/**
 * The CIFAR loaders on the real files of the shared data folder, against the counts, class names and
 * channel means listed in docs/data.md#the-projects-real-test-data. Each file is read once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CIFAR10_CLASS_NAMES,
  CIFAR100_COARSE_CLASS_NAMES,
  CIFAR100_FINE_CLASS_NAMES,
  CIFAR100_NORMALIZATION,
  type Cifar100Dataset,
  channelStats,
  cifar100Coarse,
  type ImageDataset,
  labelHistogram,
} from '../src/index.js';
import { loadCifar10, loadCifar100 } from '../src/node/index.js';
import { sharedPath } from './helpers/shared-data.js';

const cifar10Dir = sharedPath('cifar10');
const cifar100Dir = sharedPath('cifar100');

describe.skipIf(cifar10Dir === null)('CIFAR-10 (shared/data/cifar10)', () => {
  let train: ImageDataset;
  let test: ImageDataset;
  beforeAll(() => {
    ({ train, test } = loadCifar10(cifar10Dir ?? ''));
  });

  it('has 10,000 + 10,000 images of 3×32×32 with exactly 1,000 per class (docs/data.md)', () => {
    for (const ds of [train, test]) {
      expect([ds.n, ds.channels, ds.height, ds.width]).toEqual([10_000, 3, 32, 32]);
      expect(ds.images.length).toBe(10_000 * 3072);
      expect(Array.from(labelHistogram(ds.labels, 10))).toEqual(new Array(10).fill(1000));
    }
  });

  it('reads the class names from batches.meta.txt, matching the official list', () => {
    expect(train.classNames).toEqual(['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck']);
    expect(train.classNames).toEqual(CIFAR10_CLASS_NAMES);
  });

  it('training subset channel means are 125.86 / 123.21 / 114.00 on 0..255 (docs/data.md)', () => {
    const { mean } = channelStats(train);
    const documented = [125.86, 123.21, 114.0];
    mean.forEach((m, c) => {
      expect(m * 255).toBeCloseTo(documented[c], 1);
    });
  });

  it('test set channel means are 0.4942 / 0.4851 / 0.4504 (docs/data.md)', () => {
    const { mean } = channelStats(test);
    [0.4942, 0.4851, 0.4504].forEach((v, c) => {
      expect(mean[c]).toBeCloseTo(v, 3);
    });
  });

  it('keeps the record layout: image k is bytes 1..3072 of record k, label byte 0', () => {
    // Independent read of record 1234 of test_batch.bin straight from the file.
    const raw = readFileSync(join(cifar10Dir ?? '', 'test_batch.bin'));
    const k = 1234;
    const record = raw.subarray(k * 3073, (k + 1) * 3073);
    expect(test.labels[k]).toBe(record[0]);
    expect(Buffer.from(test.images.subarray(k * 3072, (k + 1) * 3072)).equals(record.subarray(1))).toBe(true);
  });
});

describe.skipIf(cifar100Dir === null)('CIFAR-100 (shared/data/cifar100)', () => {
  let train: Cifar100Dataset;
  let test: Cifar100Dataset;
  beforeAll(() => {
    ({ train, test } = loadCifar100(cifar100Dir ?? ''));
  });

  it('has 2,000 train (20 per fine class) and 1,000 test (10 per class) images (docs/data.md)', () => {
    expect(train.n).toBe(2000);
    expect(test.n).toBe(1000);
    expect(Array.from(labelHistogram(train.labels, 100))).toEqual(new Array(100).fill(20));
    expect(Array.from(labelHistogram(test.labels, 100))).toEqual(new Array(100).fill(10));
  });

  it('records are class-interleaved: record k has fine label k mod 100 (docs/data.md)', () => {
    for (const ds of [train, test]) for (let k = 0; k < ds.n; k++) expect(ds.labels[k]).toBe(k % 100);
  });

  it('reads the official label names, the same as the built-in lists', () => {
    expect(train.classNames).toEqual(CIFAR100_FINE_CLASS_NAMES);
    expect(train.coarseClassNames).toEqual(CIFAR100_COARSE_CLASS_NAMES);
    expect(train.classNames[19]).toBe('cattle');
  });

  it('every fine class has one superclass, 5 fine classes per superclass; cattle (19) → 11 large_omnivores_and_herbivores', () => {
    const coarseOf = new Map<number, number>();
    for (const ds of [train, test]) {
      for (let k = 0; k < ds.n; k++) {
        const f = ds.labels[k];
        const c = ds.coarseLabels[k];
        if (!coarseOf.has(f)) coarseOf.set(f, c);
        expect(coarseOf.get(f)).toBe(c);
      }
    }
    expect(coarseOf.get(19)).toBe(11);
    expect(train.coarseClassNames[11]).toBe('large_omnivores_and_herbivores');
    expect(Array.from(labelHistogram(cifar100Coarse(train).labels, 20))).toEqual(new Array(20).fill(100));
  });

  it('subset channel means lie within 0.02 of the full training-set means 0.5071/0.4865/0.4409 (docs/data.md)', () => {
    // README documents only full-set statistics; 2,000 images give a sampling error far below 0.02.
    const { mean } = channelStats(train);
    mean.forEach((m, c) => {
      expect(Math.abs(m - CIFAR100_NORMALIZATION.mean[c])).toBeLessThan(0.02);
    });
  });
});
