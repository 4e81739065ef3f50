import { normalizeAxis, shapeToString, sizeOf } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';
import { copyRegion } from './copy-region.js';

/**
 * Joins tensors along `axis`; all other axes must match.
 * d concat/dxᵢ: the gradient of each input is its own slab of dy.
 */
export function concat(tensors: readonly Tensor[], axis: number): Tensor {
  if (tensors.length === 0) throw new RangeError('concat: need at least one tensor, got none');
  const first = tensors[0];
  const ax = normalizeAxis('concat', axis, first.rank);
  for (const t of tensors) {
    if (t.rank !== first.rank || t.shape.some((d, k) => k !== ax && d !== first.shape[k])) {
      throw new RangeError(
        `concat: shapes ${shapeToString(first.shape)} and ${shapeToString(t.shape)} differ outside axis ${ax}; all axes but the joined one must match`,
      );
    }
  }
  const offsets: number[] = [];
  let total = 0;
  for (const t of tensors) {
    offsets.push(total);
    total += t.shape[ax];
  }
  const outShape = first.shape.map((d, k) => (k === ax ? total : d));
  const zeros = new Array<number>(first.rank).fill(0);
  const at = (k: number): number[] => zeros.map((z, j) => (j === ax ? offsets[k] : z));
  const Y = new Float32Array(sizeOf(outShape));
  tensors.forEach((t, k) => {
    copyRegion(t.data, t.shape, zeros, Y, outShape, at(k), t.shape);
  });
  return fromOp('concat', Y, outShape, tensors, (dy) =>
    tensors.map((t, k) => {
      if (!t.requiresGrad) return null;
      const g = new Float32Array(t.size);
      copyRegion(dy.data, outShape, at(k), g, t.shape, zeros, t.shape);
      return new Tensor(g, t.shape);
    }),
  );
}
