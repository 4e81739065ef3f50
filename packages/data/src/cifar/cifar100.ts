/**
 * CIFAR-100 binary files (`train.bin`, `test.bin`): 3,074-byte records, a coarse label byte (0..19), a
 * fine label byte (0..99), then 3,072 pixels. https://www.cs.toronto.edu/~kriz/cifar.html
 */
import type { ImageDataset } from '../image/image-dataset.js';
import { CIFAR100_COARSE_CLASS_NAMES, CIFAR100_FINE_CLASS_NAMES } from './cifar-class-names.js';
import { parseCifarRecords } from './cifar-records.js';

/** Bytes per CIFAR-100 record. */
export const CIFAR100_RECORD_BYTES = 3074;

/** A CIFAR-100 set: `labels` are the fine labels (0..99); the superclass labels ride along. */
export interface Cifar100Dataset extends ImageDataset {
  /** Coarse (superclass) label of each image, 0..19. */
  readonly coarseLabels: Int32Array;
  readonly coarseClassNames: readonly string[];
}

/**
 * Parses a CIFAR-100 binary file (3×32×32, Uint8 pixels, fine labels as `labels`).
 * @throws DataFormatError on a size that is not a multiple of 3,074 or an out-of-range label byte.
 */
export function parseCifar100(
  bytes: Uint8Array,
  file: string,
  names: { fine?: readonly string[]; coarse?: readonly string[] } = {},
): Cifar100Dataset {
  const r = parseCifarRecords(bytes, file, [20, 100]);
  return {
    images: r.images,
    labels: r.labels[1],
    coarseLabels: r.labels[0],
    n: r.n,
    channels: 3,
    height: 32,
    width: 32,
    classNames: names.fine ?? CIFAR100_FINE_CLASS_NAMES,
    coarseClassNames: names.coarse ?? CIFAR100_COARSE_CLASS_NAMES,
  };
}

/**
 * The same images labelled by superclass (`labels` = coarse labels, 20 classes).
 */
export function cifar100Coarse(ds: Cifar100Dataset): ImageDataset {
  return { ...ds, labels: ds.coarseLabels, classNames: ds.coarseClassNames };
}
