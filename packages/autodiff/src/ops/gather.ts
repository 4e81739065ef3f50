import { shapeToString } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';

/** Rows narrower than this are copied element by element (a `subarray` view per row costs more). */
const SHORT_ROW = 64;

/**
 * Embedding lookup: row indices[i] of `table` [n, d] for each i, giving [indices.length, d].
 * d gather/d table: dy's rows scatter-added (in float64) into a zero [n, d]; O(len·d) work beyond the zero fill.
 */
export function gather(table: Tensor, indices: Int32Array): Tensor {
  if (table.rank !== 2) throw new RangeError(`gather: table must be [n, d], got ${shapeToString(table.shape)}`);
  const [n, d] = table.shape;
  assertIndices('gather', indices, n);
  const len = indices.length;
  const Y = new Float32Array(len * d);
  copyRows(table.data, d, indices, Y, d, 0);
  return fromOp('gather', Y, [len, d], [table], (dy) => [new Tensor(scatterAddRows(dy.data, d, 0, indices, n, d), table.shape)]);
}

/**
 * Y[i·ldy + offset + j] = T[indices[i]·d + j] for j < d: the rows of table T (width d) picked by
 * `indices`, written `offset` columns into the rows of Y (width ldy).
 */
export function copyRows(T: Float32Array, d: number, indices: Int32Array, Y: Float32Array, ldy: number, offset: number): void {
  const len = indices.length;
  if (d < SHORT_ROW) {
    for (let i = 0, o = offset; i < len; i++, o += ldy) {
      const row = indices[i] * d;
      for (let j = 0; j < d; j++) Y[o + j] = T[row + j];
    }
  } else {
    for (let i = 0; i < len; i++) {
      const row = indices[i] * d;
      Y.set(T.subarray(row, row + d), i * ldy + offset);
    }
  }
}

/**
 * The gradient of `copyRows` for a table [n, d]: row i of D (columns offset … offset+d−1 of width
 * ldy) added into row indices[i], in float64 in the order of i, over the touched rows only; a new
 * zero-based [n, d] Float32Array.
 */
export function scatterAddRows(D: Float32Array, ldy: number, offset: number, indices: Int32Array, n: number, d: number): Float32Array {
  const len = indices.length;
  // slot[row] numbers the distinct rows.
  const slot = new Int32Array(n).fill(-1);
  const rows: number[] = [];
  for (let i = 0; i < len; i++) {
    if (slot[indices[i]] < 0) {
      slot[indices[i]] = rows.length;
      rows.push(indices[i]);
    }
  }
  const acc = new Float64Array(rows.length * d);
  for (let i = 0, src = offset; i < len; i++, src += ldy) {
    const dst = slot[indices[i]] * d;
    for (let j = 0; j < d; j++) acc[dst + j] += D[src + j];
  }
  const g = new Float32Array(n * d);
  // float64 → float32 by assignment: the same round-to-nearest as `set` of a Float64Array.
  for (let k = 0; k < rows.length; k++) {
    const dst = rows[k] * d;
    const src = k * d;
    for (let j = 0; j < d; j++) g[dst + j] = acc[src + j];
  }
  return g;
}

/** Throws naming `op`, the position and the value of the first index outside [0, n). */
export function assertIndices(op: string, indices: Int32Array, n: number): void {
  for (let i = 0; i < indices.length; i++) {
    const v = indices[i];
    if (v < 0 || v >= n) throw new RangeError(`${op}: indices[${i}] = ${v} is out of range for ${n} rows (${n === 0 ? 'there are none' : `expected 0..${n - 1}`})`);
  }
}
