/** Mini-batching: coverage per epoch, seeding, drop-last, augmentation and normalization of the output. */
import { Rng } from '@gapkit/autodiff';
import { describe, expect, it } from 'vitest';
import { Batcher, CIFAR10_NORMALIZATION, type ImageDataset, indexBatches } from '../src/index.js';

/** n images of 3×4×5 whose pixels encode (image, channel, position). */
function dataset(n: number): ImageDataset {
  const size = 3 * 4 * 5;
  return {
    images: Uint8Array.from({ length: n * size }, (_, i) => (Math.floor(i / size) * 13 + (i % size) * 3) & 255),
    labels: Int32Array.from({ length: n }, (_, k) => k % 7),
    n,
    channels: 3,
    height: 4,
    width: 5,
    classNames: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
  };
}

const image = (ds: ImageDataset, k: number): number[] => Array.from(ds.images.subarray(k * 60, (k + 1) * 60));

describe('indexBatches', () => {
  it('covers 0..n−1 exactly once per epoch, with the last batch short or dropped', () => {
    const rng = new Rng(1);
    const batches = [...indexBatches(23, 5, rng)];
    expect(batches.map((b) => b.length)).toEqual([5, 5, 5, 5, 3]);
    expect(batches.flatMap((b) => Array.from(b)).sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect([...indexBatches(23, 5, rng, true)].map((b) => b.length)).toEqual([5, 5, 5, 5]);
    expect(Array.from([...indexBatches(4, 3, null)][0])).toEqual([0, 1, 2]);
  });
});

describe('Batcher', () => {
  const ds = dataset(23);

  it('yields [B, C, H, W] batches with the labels of their indices; each epoch reshuffles', () => {
    const b = new Batcher(ds, { batchSize: 8, rng: new Rng(3) });
    expect(b.batchesPerEpoch).toBe(3);
    const e1 = [...b.epoch()];
    const e2 = [...b.epoch()];
    expect(e1.map((x) => x.shape)).toEqual([
      [8, 3, 4, 5],
      [8, 3, 4, 5],
      [7, 3, 4, 5],
    ]);
    for (const batch of e1) expect(Array.from(batch.y)).toEqual(Array.from(batch.indices, (k) => ds.labels[k]));
    const order = (e: typeof e1): number[] => e.flatMap((x) => Array.from(x.indices));
    expect([...order(e1)].sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(order(e2)).not.toEqual(order(e1));
    const again = [...new Batcher(ds, { batchSize: 8, rng: new Rng(3) }).epoch()];
    expect(order(again)).toEqual(order(e1));
  });

  it('without augmentation or normalization, x is the pixels / 255; with it, (pixel/255 − mean)/std', () => {
    const plain = [...new Batcher(ds, { batchSize: 23, rng: new Rng(1), shuffle: false }).epoch()][0];
    expect(Array.from(plain.indices)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    plain.x.forEach((v, i) => {
      expect(v).toBeCloseTo(ds.images[i] / 255, 6);
    });
    const norm = [...new Batcher(ds, { batchSize: 23, rng: new Rng(1), shuffle: false, normalize: CIFAR10_NORMALIZATION }).epoch()][0];
    norm.x.forEach((v, i) => {
      const c = Math.floor((i % 60) / 20);
      expect(v).toBeCloseTo((ds.images[i] / 255 - CIFAR10_NORMALIZATION.mean[c]) / CIFAR10_NORMALIZATION.std[c], 5);
    });
  });

  it('flip-only augmentation returns each image either as is or mirrored, about half of each', () => {
    const big = dataset(400);
    const b = new Batcher(big, { batchSize: 400, rng: new Rng(9), augment: { flip: true } });
    const batch = [...b.epoch()][0];
    let flipped = 0;
    for (let i = 0; i < batch.size; i++) {
      const got = Array.from(batch.x.subarray(i * 60, (i + 1) * 60), (v) => Math.round(v * 255));
      const src = image(big, batch.indices[i]);
      const mirror = src.map((_, p) => src[Math.floor(p / 5) * 5 + (4 - (p % 5))]);
      const isSame = got.every((v, p) => v === src[p]);
      const isMirror = got.every((v, p) => v === mirror[p]);
      expect(isSame || isMirror).toBe(true);
      if (!isSame) flipped++;
    }
    // Binomial(400, 1/2): sd 10.
    expect(Math.abs(flipped - 200)).toBeLessThan(50);
  });

  it('crop augmentation shifts the image by at most the padding, zero-filling the border', () => {
    const b = new Batcher(ds, { batchSize: 23, rng: new Rng(4), augment: { crop: { padding: 1, mode: 'zero' } } });
    const batch = [...b.epoch()][0];
    for (let i = 0; i < batch.size; i++) {
      const got = Array.from(batch.x.subarray(i * 60, (i + 1) * 60), (v) => Math.round(v * 255));
      const src = image(ds, batch.indices[i]);
      const matches = [];
      for (let sy = -1; sy <= 1; sy++) {
        for (let sx = -1; sx <= 1; sx++) {
          const shifted = src.map((_, p) => {
            const c = Math.floor(p / 20);
            const y = Math.floor((p % 20) / 5) + sy;
            const x = (p % 5) + sx;
            return y < 0 || y >= 4 || x < 0 || x >= 5 ? 0 : src[c * 20 + y * 5 + x];
          });
          if (shifted.every((v, p) => v === got[p])) matches.push([sy, sx]);
        }
      }
      expect(matches.length).toBeGreaterThan(0);
    }
  });

  it('rejects a bad batch size', () => {
    expect(() => new Batcher(ds, { batchSize: 0, rng: new Rng(1) })).toThrow(/batchSize must be a positive integer/);
  });
});
