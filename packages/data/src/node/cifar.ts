/** Loading CIFAR-10 / CIFAR-100 binary folders (as `gapkit data download` or the official archives lay them out). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CIFAR10_CLASS_NAMES, CIFAR100_COARSE_CLASS_NAMES, CIFAR100_FINE_CLASS_NAMES } from '../cifar/cifar-class-names.js';
import { parseCifar10 } from '../cifar/cifar10.js';
import { type Cifar100Dataset, parseCifar100 } from '../cifar/cifar100.js';
import type { ImageDataset } from '../image/image-dataset.js';
import { concatImages } from '../image/subset.js';
import { parseLabelNames } from '../text/label-names.js';
import { readDataFile, readDataText, requireDatasetDir } from './read-file.js';

/** Training and test splits of an image data set. */
export interface ImageSplits<T extends ImageDataset = ImageDataset> {
  readonly train: T;
  readonly test: T;
}

function labelNames(path: string, name: string, expected: number, fallback: readonly string[]): readonly string[] {
  return existsSync(path) ? parseLabelNames(readDataText(path, name), path, expected) : fallback;
}

/**
 * Loads a CIFAR-10 binary folder: `data_batch_1.bin` … (every consecutive batch present, at least the
 * first) concatenated as `train`, `test_batch.bin` as `test`; class names from `batches.meta.txt` when
 * present.
 * @throws DataNotFoundError (with the download command) when the folder or a required file is missing;
 *   DataFormatError when a file is not 3,073-byte records.
 */
export function loadCifar10(dir: string): ImageSplits {
  const root = requireDatasetDir(dir, 'cifar10', 'CIFAR-10');
  const names = labelNames(join(root, 'batches.meta.txt'), 'cifar10', 10, CIFAR10_CLASS_NAMES);
  const batches: ImageDataset[] = [];
  for (let b = 1; b <= 5; b++) {
    const path = join(root, `data_batch_${b}.bin`);
    if (b > 1 && !existsSync(path)) break;
    batches.push(parseCifar10(readDataFile(path, 'cifar10'), path, names));
  }
  const testPath = join(root, 'test_batch.bin');
  return { train: concatImages(batches), test: parseCifar10(readDataFile(testPath, 'cifar10'), testPath, names) };
}

/**
 * Loads a CIFAR-100 binary folder: `train.bin`, `test.bin`, and the label names from
 * `fine_label_names.txt` / `coarse_label_names.txt` when present. `labels` are the fine labels.
 * @throws DataNotFoundError / DataFormatError as {@link loadCifar10}, for 3,074-byte records.
 */
export function loadCifar100(dir: string): ImageSplits<Cifar100Dataset> {
  const root = requireDatasetDir(dir, 'cifar100', 'CIFAR-100');
  const names = {
    fine: labelNames(join(root, 'fine_label_names.txt'), 'cifar100', 100, CIFAR100_FINE_CLASS_NAMES),
    coarse: labelNames(join(root, 'coarse_label_names.txt'), 'cifar100', 20, CIFAR100_COARSE_CLASS_NAMES),
  };
  const read = (file: string): Cifar100Dataset => {
    const path = join(root, file);
    return parseCifar100(readDataFile(path, 'cifar100'), path, names);
  };
  return { train: read('train.bin'), test: read('test.bin') };
}
