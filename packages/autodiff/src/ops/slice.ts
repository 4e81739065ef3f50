import { shapeToString, sizeOf } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';
import { copyRegion } from './copy-region.js';

/**
 * The box starts[k] ≤ i < ends[k] on each axis k (step 1). Negative bounds count from the end; axes
 * beyond the given lists are taken whole.
 * d slice(x)/dx: the gradient is dy placed back into a zero tensor of x's shape.
 */
export function slice(x: Tensor, starts: readonly number[], ends: readonly number[]): Tensor {
  const r = x.rank;
  if (starts.length !== ends.length || starts.length > r) {
    throw new RangeError(
      `slice: starts [${starts.join(', ')}] and ends [${ends.join(', ')}] must have the same length, at most the rank ${r} of ${shapeToString(x.shape)}`,
    );
  }
  const begin = new Array<number>(r);
  const outShape = new Array<number>(r);
  for (let k = 0; k < r; k++) {
    const d = x.shape[k];
    const s = k < starts.length ? starts[k] : 0;
    const e = k < ends.length ? ends[k] : d;
    const b = s < 0 ? s + d : s;
    const f = e < 0 ? e + d : e;
    if (!Number.isInteger(s) || !Number.isInteger(e) || b < 0 || f > d || b > f) {
      throw new RangeError(
        `slice: axis ${k} of ${shapeToString(x.shape)}: start ${s} and end ${e} must satisfy 0 ≤ start ≤ end ≤ ${d} (negatives count from the end)`,
      );
    }
    begin[k] = b;
    outShape[k] = f - b;
  }
  const zeros = new Array<number>(r).fill(0);
  const Y = new Float32Array(sizeOf(outShape));
  copyRegion(x.data, x.shape, begin, Y, outShape, zeros, outShape);
  return fromOp('slice', Y, outShape, [x], (dy) => {
    const g = new Float32Array(x.size);
    copyRegion(dy.data, outShape, zeros, g, x.shape, begin, outShape);
    return [new Tensor(g, x.shape)];
  });
}
