/**
 * The in-memory form of every image data set (CIFAR-10/100, MNIST, embedded digits): all images in one
 * typed array in NCHW planar order — image k, channel c, row y, column x is at
 * `((k * channels + c) * height + y) * width + x` — and one Int32 label per image.
 */

/** Pixel storage: `Uint8Array` holds raw 0..255 pixels, `Float32Array` holds values on a 0..1 scale. */
export type PixelArray = Uint8Array | Float32Array;

/** A labelled image data set in NCHW planar order. */
export interface ImageDataset {
  /** `n * channels * height * width` pixels, NCHW. */
  readonly images: PixelArray;
  /** `n` labels, each in `0..classNames.length-1`. */
  readonly labels: Int32Array;
  /** Number of images. */
  readonly n: number;
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  /** Name of label i at index i. */
  readonly classNames: readonly string[];
}

/** Pixels per image (`channels * height * width`). */
export function imageSize(ds: Pick<ImageDataset, 'channels' | 'height' | 'width'>): number {
  return ds.channels * ds.height * ds.width;
}

/**
 * Number of images per class: entry c counts the labels equal to c.
 * @throws RangeError when a label is outside `0..numClasses-1`.
 */
export function labelHistogram(labels: Int32Array, numClasses: number): Int32Array {
  const counts = new Int32Array(numClasses);
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y < 0 || y >= numClasses) throw new RangeError(`label ${y} at index ${i} is outside 0..${numClasses - 1}`);
    counts[y]++;
  }
  return counts;
}

/**
 * Per-channel mean and (population) standard deviation of the pixels, on the 0..1 scale
 * (Uint8 pixels are divided by 255). Accumulates in float64.
 */
export function channelStats(ds: ImageDataset): { mean: number[]; std: number[] } {
  const plane = ds.height * ds.width;
  const scale = ds.images instanceof Uint8Array ? 1 / 255 : 1;
  const mean: number[] = [];
  const std: number[] = [];
  for (let c = 0; c < ds.channels; c++) {
    let sum = 0;
    let sumSq = 0;
    for (let k = 0; k < ds.n; k++) {
      const base = (k * ds.channels + c) * plane;
      for (let p = 0; p < plane; p++) {
        const v = ds.images[base + p] * scale;
        sum += v;
        sumSq += v * v;
      }
    }
    const count = ds.n * plane;
    const m = sum / count;
    mean.push(m);
    std.push(Math.sqrt(Math.max(0, sumSq / count - m * m)));
  }
  return { mean, std };
}
