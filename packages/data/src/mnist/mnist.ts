/**
 * MNIST as an image data set: an IDX3 image file and an IDX1 label file with the same count.
 */
import { DataFormatError } from '../errors.js';
import type { ImageDataset } from '../image/image-dataset.js';
import { parseIdxImages, parseIdxLabels } from './idx.js';

/** The digit names, label i = digit i. */
export const MNIST_CLASS_NAMES: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * Builds a 1×rows×cols data set (Uint8 pixels) from decompressed IDX image and label bytes.
 * @throws DataFormatError when either file is malformed or the counts differ.
 */
export function parseMnist(
  images: { bytes: Uint8Array; file: string },
  labels: { bytes: Uint8Array; file: string },
): ImageDataset {
  const img = parseIdxImages(images.bytes, images.file);
  const lab = parseIdxLabels(labels.bytes, labels.file);
  if (lab.length !== img.count) {
    throw new DataFormatError(labels.file, `has ${lab.length} labels but ${images.file} has ${img.count} images`);
  }
  return {
    images: img.pixels,
    labels: lab,
    n: img.count,
    channels: 1,
    height: img.rows,
    width: img.cols,
    classNames: MNIST_CLASS_NAMES,
  };
}
