import { shapeToString } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';

/**
 * Embedding lookup: row indices[i] of `table` [n, d] for each i, giving [indices.length, d].
 * d gather/d table: dy's rows scatter-added into a zero [n, d] (O(len·d) work beyond the zero fill).
 */
export function gather(table: Tensor, indices: Int32Array): Tensor {
  if (table.rank !== 2) throw new RangeError(`gather: table must be [n, d], got ${shapeToString(table.shape)}`);
  const [n, d] = table.shape;
  assertIndices('gather', indices, n);
  const T = table.data;
  const len = indices.length;
  const Y = new Float32Array(len * d);
  for (let i = 0; i < len; i++) {
    const row = indices[i] * d;
    Y.set(T.subarray(row, row + d), i * d);
  }
  return fromOp('gather', Y, [len, d], [table], (dy) => {
    const D = dy.data;
    // Each element receives only the few rows that share its index, so float32 accumulation is exact enough.
    const g = new Float32Array(n * d);
    for (let i = 0; i < len; i++) {
      const row = indices[i] * d;
      const src = i * d;
      for (let j = 0; j < d; j++) g[row + j] += D[src + j];
    }
    return [new Tensor(g, table.shape)];
  });
}

/** Throws naming `op`, the position and the value of the first index outside [0, n). */
export function assertIndices(op: string, indices: Int32Array, n: number): void {
  for (let i = 0; i < indices.length; i++) {
    const v = indices[i];
    if (v < 0 || v >= n) throw new RangeError(`${op}: indices[${i}] = ${v} is out of range for ${n} rows (expected 0..${n - 1})`);
  }
}
