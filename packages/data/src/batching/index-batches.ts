/** Splitting 0..n−1 into (optionally shuffled) mini-batches of indices. */
import type { Rng } from '@gapkit/autodiff';

/**
 * Yields batches of indices covering 0..n−1 once: shuffled with `rng` when given, in order otherwise.
 * The last batch is smaller unless `dropLast`, which drops it.
 */
export function* indexBatches(n: number, batchSize: number, rng: Rng | null, dropLast = false): Generator<Int32Array> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const order = rng ? rng.permutation(n) : Int32Array.from({ length: n }, (_, i) => i);
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    if (dropLast && end - start < batchSize) return;
    yield order.slice(start, end);
  }
}

/** Number of batches {@link indexBatches} yields. */
export function batchCount(n: number, batchSize: number, dropLast = false): number {
  return dropLast ? Math.floor(n / batchSize) : Math.ceil(n / batchSize);
}
