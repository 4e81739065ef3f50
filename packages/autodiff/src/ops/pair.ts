/** Spatial hyperparameters given as one number or an [h, w] pair. */

/** A size that applies to both spatial axes, or per axis as [h, w]. */
export type Pair = number | readonly [number, number];

/** Expands `v` to [h, w], checking each is an integer ≥ `min` (names `op` and `what` on failure). */
export function toPair(op: string, what: string, v: Pair, min: number): [number, number] {
  const p: [number, number] = typeof v === 'number' ? [v, v] : [v[0], v[1]];
  if (!p.every((x) => Number.isInteger(x) && x >= min)) {
    throw new RangeError(`${op}: ${what} must be an integer ≥ ${min} or an [h, w] pair of them, got ${JSON.stringify(v)}`);
  }
  return p;
}
