/** Selecting and concatenating image data sets (e.g. CIFAR-10's five training batches). */
import type { ImageDataset, PixelArray } from './image-dataset.js';
import { imageSize } from './image-dataset.js';

/** The images at `indices`, in that order (copies pixels and labels). */
export function selectImages(ds: ImageDataset, indices: ArrayLike<number>): ImageDataset {
  const size = imageSize(ds);
  const images = ds.images instanceof Uint8Array ? new Uint8Array(indices.length * size) : new Float32Array(indices.length * size);
  const labels = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const k = indices[i];
    if (!Number.isInteger(k) || k < 0 || k >= ds.n) throw new RangeError(`selectImages: index ${k} is outside 0..${ds.n - 1}`);
    images.set(ds.images.subarray(k * size, (k + 1) * size), i * size);
    labels[i] = ds.labels[k];
  }
  return { ...ds, images, labels, n: indices.length };
}

/**
 * Concatenates data sets with the same geometry, class names and pixel type.
 * @throws Error naming the first part that differs.
 */
export function concatImages(parts: readonly ImageDataset[]): ImageDataset {
  if (parts.length === 0) throw new Error('concatImages: no parts');
  const first = parts[0];
  let n = 0;
  for (const [i, p] of parts.entries()) {
    const same =
      p.channels === first.channels &&
      p.height === first.height &&
      p.width === first.width &&
      p.images.constructor === first.images.constructor &&
      p.classNames.join('\n') === first.classNames.join('\n');
    if (!same) throw new Error(`concatImages: part ${i} differs from part 0 in geometry, pixel type or class names`);
    n += p.n;
  }
  const size = imageSize(first);
  const images: PixelArray = first.images instanceof Uint8Array ? new Uint8Array(n * size) : new Float32Array(n * size);
  const labels = new Int32Array(n);
  let at = 0;
  for (const p of parts) {
    images.set(p.images, at * size);
    labels.set(p.labels, at);
    at += p.n;
  }
  return { ...first, images, labels, n };
}
