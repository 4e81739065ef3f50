/** How a loss combines its per-example terms. */
export type Reduction = 'mean' | 'sum';

/** Throws unless `r` is a known reduction (names the op). */
export function assertReduction(op: string, r: string): asserts r is Reduction {
  if (r !== 'mean' && r !== 'sum') throw new RangeError(`${op}: reduction must be 'mean' or 'sum', got '${r}'`);
}
