import { shapeToString, sizeOf } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';
import { copyRegion } from './copy-region.js';

/**
 * Pads every axis k with padding[k] = [before, after] copies of `value` (a constant).
 * d pad(x)/dx: the gradient is the interior of dy (the padded border gets no gradient).
 */
export function pad(x: Tensor, padding: ReadonlyArray<readonly [number, number]>, value = 0): Tensor {
  const r = x.rank;
  if (padding.length !== r) {
    throw new RangeError(`pad: got ${padding.length} [before, after] pairs for ${shapeToString(x.shape)}; need one per axis (${r})`);
  }
  for (const [b, a] of padding) {
    if (!Number.isInteger(b) || !Number.isInteger(a) || b < 0 || a < 0) {
      throw new RangeError(`pad: padding amounts must be non-negative integers, got [${b}, ${a}]`);
    }
  }
  const begin = padding.map(([b]) => b);
  const outShape = x.shape.map((d, k) => d + padding[k][0] + padding[k][1]);
  const zeros = new Array<number>(r).fill(0);
  const Y = new Float32Array(sizeOf(outShape));
  if (value !== 0) Y.fill(value);
  copyRegion(x.data, x.shape, zeros, Y, outShape, begin, x.shape);
  return fromOp('pad', Y, outShape, [x], (dy) => {
    const g = new Float32Array(x.size);
    copyRegion(dy.data, outShape, begin, g, x.shape, zeros, x.shape);
    return [new Tensor(g, x.shape)];
  });
}
