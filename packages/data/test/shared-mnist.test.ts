/**
 * The MNIST loader on the real IDX files of the shared data folder's mnist/ (docs/data.md#the-projects-real-test-data), and the embedded digits
 * compared byte for byte with them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { channelStats, type ImageDataset, labelHistogram } from '../src/index.js';
import { loadEmbeddedDigits, loadMnist } from '../src/node/index.js';
import { sharedPath } from './helpers/shared-data.js';

const mnistDir = sharedPath('mnist');

/** docs/data.md: test class counts and training-subset class counts. */
const TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];
const TRAIN_10K_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

describe.skipIf(mnistDir === null)('MNIST (shared/data/mnist)', () => {
  let train: ImageDataset;
  let test: ImageDataset;
  beforeAll(() => {
    ({ train, test } = loadMnist(mnistDir ?? ''));
  });

  it('reads 10,000 + 10,000 gzip-compressed 1×28×28 images with the documented class counts', () => {
    expect([test.n, test.channels, test.height, test.width]).toEqual([10_000, 1, 28, 28]);
    expect([train.n, train.height, train.width]).toEqual([10_000, 28, 28]);
    expect(Array.from(labelHistogram(test.labels, 10))).toEqual(TEST_COUNTS);
    expect(Array.from(labelHistogram(train.labels, 10))).toEqual(TRAIN_10K_COUNTS);
  });

  it('test mean is 0.1325 (docs/data.md)', () => {
    expect(channelStats(test).mean[0]).toBeCloseTo(0.1325, 4);
  });

  it('the embedded digits are the first 10,000 training images, grouped by class in official order', () => {
    const { train: eTrain, test: eTest } = loadEmbeddedDigits({ testFraction: 0 });
    expect(eTest.n).toBe(0);
    // Group the shared images by class in file order; the embedded set interleaves classes round-robin.
    const byClass: number[][] = Array.from({ length: 10 }, () => []);
    for (let k = 0; k < train.n; k++) byClass[train.labels[k]].push(k);
    const seen = new Array(10).fill(0);
    let mismatches = 0;
    for (let e = 0; e < eTrain.n; e++) {
      const d = eTrain.labels[e];
      const k = byClass[d][seen[d]++];
      const a = eTrain.images.subarray(e * 784, (e + 1) * 784);
      const b = train.images.subarray(k * 784, (k + 1) * 784);
      for (let p = 0; p < 784; p++) if (a[p] !== b[p]) mismatches++;
    }
    expect(seen).toEqual(TRAIN_10K_COUNTS);
    expect(mismatches).toBe(0);
  });
});
