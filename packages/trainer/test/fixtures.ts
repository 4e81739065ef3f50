/** Small deterministic data for the trainer's tests (no files). */
import { Rng } from '@gapkit/autodiff';
import { CIFAR_AUGMENTATION, type ImageDataset } from '@gapkit/data';
import type { ClassifierData } from '../src/index.js';

export function tinyImages(n: number, seed: number, size = 8, classes = 4): ImageDataset {
  const rng = new Rng(seed);
  const images = new Uint8Array(n * 3 * size * size);
  const labels = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    labels[k] = k % classes;
    for (let p = 0; p < 3 * size * size; p++) images[k * 3 * size * size + p] = Math.floor(rng.uniform() * 128) + 32 * labels[k];
  }
  return { images, labels, n, channels: 3, height: size, width: size, classNames: Array.from({ length: classes }, (_, i) => `c${i}`) };
}

export function tinyImageData(): ClassifierData {
  return { kind: 'classifier', train: tinyImages(24, 1), test: tinyImages(8, 2), augmentation: { ...CIFAR_AUGMENTATION, crop: { padding: 2, mode: 'zero' } } };
}

/** A checkpoint after a trip through bytes, as a file would give it back. */
export function copyThroughBytes<T extends { tensors: Record<string, { shape: readonly number[]; data: Float32Array }>; meta: unknown }>(c: T): T {
  const tensors: Record<string, { shape: readonly number[]; data: Float32Array }> = {};
  for (const [k, v] of Object.entries(c.tensors)) tensors[k] = { shape: [...v.shape], data: new Float32Array(new Uint8Array(v.data.buffer.slice(v.data.byteOffset, v.data.byteOffset + v.data.byteLength)).buffer) };
  return { tensors, meta: JSON.parse(JSON.stringify(c.meta)) } as T;
}
