import { shapeToString } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';
import { assertIndices, copyRows, scatterAddRows } from './gather.js';

/**
 * `concat(tables.map((t, k) => gather(t, indices[k])), 1)` in one op: each lookup writes its rows
 * straight into its columns of the joined [len, Σ dₖ] result, and the backward scatter-adds straight
 * from dy's columns, so neither the joined rows nor their gradient slabs are copied. The values are
 * the same bits as the two-op form (the same copies; the same float64 sums in the same order).
 */
export function gatherConcat(tables: readonly Tensor[], indices: readonly Int32Array[]): Tensor {
  if (tables.length === 0) throw new RangeError('gatherConcat: need at least one table, got none');
  if (indices.length !== tables.length) {
    throw new RangeError(`gatherConcat: need one index array per table, got ${indices.length} for ${tables.length} tables`);
  }
  const len = indices[0].length;
  const offsets: number[] = [];
  let width = 0;
  tables.forEach((t, k) => {
    if (t.rank !== 2) throw new RangeError(`gatherConcat: table ${k} must be [n, d], got ${shapeToString(t.shape)}`);
    if (indices[k].length !== len) {
      throw new RangeError(`gatherConcat: indices ${k} has ${indices[k].length} entries, expected ${len} as indices 0`);
    }
    assertIndices('gatherConcat', indices[k], t.shape[0]);
    offsets.push(width);
    width += t.shape[1];
  });
  const Y = new Float32Array(len * width);
  tables.forEach((t, k) => {
    copyRows(t.data, t.shape[1], indices[k], Y, width, offsets[k]);
  });
  return fromOp('gatherConcat', Y, [len, width], tables, (dy) =>
    tables.map((t, k) => (t.requiresGrad ? new Tensor(scatterAddRows(dy.data, width, offsets[k], indices[k], t.shape[0], t.shape[1]), t.shape) : null)),
  );
}
