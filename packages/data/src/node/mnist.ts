/** Loading MNIST IDX files (gzip-compressed or not) from a folder. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageDataset } from '../image/image-dataset.js';
import { parseMnist } from '../mnist/mnist.js';
import type { ImageSplits } from './cifar.js';
import { gunzipIfCompressed, readDataFile, requireDatasetDir } from './read-file.js';

/** File stems tried for the training split, in order (official name, then the 10k-image subset). */
const TRAIN_STEMS = ['train', 'train-10k'];

function findIdx(root: string, stems: readonly string[], kind: 'images-idx3-ubyte' | 'labels-idx1-ubyte'): string {
  const candidates = stems.flatMap((s) => [`${s}-${kind}.gz`, `${s}-${kind}`]);
  for (const c of candidates) if (existsSync(join(root, c))) return join(root, c);
  return join(root, candidates[0]);
}

function readIdx(path: string): { bytes: Uint8Array; file: string } {
  return { bytes: gunzipIfCompressed(readDataFile(path, 'mnist'), path), file: path };
}

/**
 * Loads MNIST from a folder holding `train-images-idx3-ubyte[.gz]` (or `train-10k-…`),
 * `train-labels-idx1-ubyte[.gz]`, `t10k-images-idx3-ubyte[.gz]`, `t10k-labels-idx1-ubyte[.gz]`.
 * @throws DataNotFoundError (with the download command) for a missing folder or file; DataFormatError
 *   for a wrong magic number, a truncated file or mismatched counts.
 */
export function loadMnist(dir: string): ImageSplits {
  const root = requireDatasetDir(dir, 'mnist', 'MNIST');
  const load = (stems: readonly string[]): ImageDataset =>
    parseMnist(readIdx(findIdx(root, stems, 'images-idx3-ubyte')), readIdx(findIdx(root, stems, 'labels-idx1-ubyte')));
  return { train: load(TRAIN_STEMS), test: load(['t10k']) };
}
