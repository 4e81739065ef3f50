/**
 * CIFAR-10 binary batches (`data_batch_1.bin` … `data_batch_5.bin`, `test_batch.bin`): 3,073-byte
 * records, 1 label byte (0..9) + 3,072 pixels. https://www.cs.toronto.edu/~kriz/cifar.html
 */
import type { ImageDataset } from '../image/image-dataset.js';
import { CIFAR10_CLASS_NAMES } from './cifar-class-names.js';
import { parseCifarRecords } from './cifar-records.js';

/** Bytes per CIFAR-10 record. */
export const CIFAR10_RECORD_BYTES = 3073;

/**
 * Parses one CIFAR-10 binary batch into an image data set (3×32×32, Uint8 pixels).
 * @param file name used in error messages.
 * @param classNames label names (default: the official ten).
 * @throws DataFormatError on a size that is not a multiple of 3,073 or a label above 9.
 */
export function parseCifar10(bytes: Uint8Array, file: string, classNames: readonly string[] = CIFAR10_CLASS_NAMES): ImageDataset {
  const r = parseCifarRecords(bytes, file, [10]);
  return { images: r.images, labels: r.labels[0], n: r.n, channels: 3, height: 32, width: 32, classNames };
}
