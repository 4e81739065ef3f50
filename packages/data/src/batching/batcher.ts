/**
 * Mini-batches of an {@link ImageDataset} as float tensors: `x` is `[B, C, H, W]` row-major Float32,
 * `y` the Int32 labels. Each epoch reshuffles with the seeded {@link Rng}; augmentation draws come from the
 * same generator, so a seed fixes the whole stream.
 */
import type { Rng } from '@gapkit/autodiff';
import type { Augmentation } from '../augment/augmentation.js';
import { cropPadded } from '../augment/crop.js';
import { flipHorizontal } from '../augment/flip.js';
import { imageNormalizer } from '../augment/normalize-image.js';
import type { ChannelNormalization } from '../augment/normalization.js';
import type { ImageDataset } from '../image/image-dataset.js';
import { imageSize } from '../image/image-dataset.js';
import { batchCount, indexBatches } from './index-batches.js';

/** Options of a {@link Batcher}. */
export interface BatcherOptions {
  readonly batchSize: number;
  /** Drives shuffling and augmentation. */
  readonly rng: Rng;
  /** Shuffle at the start of every epoch. Default true. */
  readonly shuffle?: boolean;
  /** Drop the last incomplete batch. Default false. */
  readonly dropLast?: boolean;
  /** Random crop / flip (training only). Default none. */
  readonly augment?: Augmentation;
  /** Per-channel normalization; when omitted, pixels are scaled to 0..1. */
  readonly normalize?: ChannelNormalization;
}

/** One mini-batch. */
export interface Batch {
  /** `size * C * H * W` values, NCHW. */
  readonly x: Float32Array;
  readonly y: Int32Array;
  readonly size: number;
  readonly shape: readonly [number, number, number, number];
  /** Which data-set images these are, in batch order. */
  readonly indices: Int32Array;
}

/** Iterates an image data set in mini-batches, epoch by epoch. */
export class Batcher {
  readonly dataset: ImageDataset;
  readonly options: BatcherOptions;
  private readonly normalize: (data: Float32Array, offset: number) => void;

  constructor(dataset: ImageDataset, options: BatcherOptions) {
    this.dataset = dataset;
    this.options = options;
    const pixelScale = dataset.images instanceof Uint8Array ? 255 : 1;
    const plane = dataset.height * dataset.width;
    if (options.normalize) this.normalize = imageNormalizer(options.normalize, dataset.channels, plane, pixelScale);
    else {
      const inv = 1 / pixelScale;
      const size = imageSize(dataset);
      this.normalize = (data, offset) => {
        for (let p = offset; p < offset + size; p++) data[p] *= inv;
      };
    }
    if (!Number.isInteger(options.batchSize) || options.batchSize < 1) {
      throw new RangeError(`Batcher: batchSize must be a positive integer, got ${options.batchSize}`);
    }
  }

  /** Batches per epoch. */
  get batchesPerEpoch(): number {
    return batchCount(this.dataset.n, this.options.batchSize, this.options.dropLast);
  }

  /** One epoch of batches (reshuffled when `shuffle` is on). */
  *epoch(): Generator<Batch> {
    const { batchSize, rng, shuffle = true, dropLast = false } = this.options;
    for (const indices of indexBatches(this.dataset.n, batchSize, shuffle ? rng : null, dropLast)) yield this.batch(indices);
  }

  /** The batch of the given images, with augmentation (if configured) and normalization applied. */
  batch(indices: Int32Array): Batch {
    const ds = this.dataset;
    const size = imageSize(ds);
    const { rng, augment = {} } = this.options;
    const x = new Float32Array(indices.length * size);
    const y = new Int32Array(indices.length);
    for (let b = 0; b < indices.length; b++) {
      const k = indices[b];
      if (k < 0 || k >= ds.n) throw new RangeError(`Batcher: index ${k} outside 0..${ds.n - 1}`);
      const out = b * size;
      if (augment.crop) {
        const span = 2 * augment.crop.padding + 1;
        const dy = rng.int(span);
        const dx = rng.int(span);
        cropPadded(ds.images, k * size, x, out, ds, augment.crop, dy, dx);
      } else {
        x.set(ds.images.subarray(k * size, (k + 1) * size), out);
      }
      if (augment.flip && rng.uniform() < 0.5) flipHorizontal(x, out, ds);
      this.normalize(x, out);
      y[b] = ds.labels[k];
    }
    return { x, y, size: indices.length, shape: [indices.length, ds.channels, ds.height, ds.width], indices };
  }
}
