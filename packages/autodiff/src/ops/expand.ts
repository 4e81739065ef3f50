import { broadcastShapes, type Shape, sameShape, shapeToString } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';
import { broadcastIndex } from './strided-index.js';
import { sumToShape } from './sum-to-shape.js';

/**
 * Broadcasts x to `shape` (NumPy rules: x's size-1 axes repeat, leading axes may be added).
 * d expand(x)/dx: the gradient is dy summed over the repeated axes.
 */
export function expand(x: Tensor, shape: Shape): Tensor {
  const out = broadcastShapes('expand', x.shape, shape);
  if (!sameShape(out, shape)) {
    throw new RangeError(
      `expand: cannot expand ${shapeToString(x.shape)} to ${shapeToString(shape)}; each axis of x must be 1 or equal the target's`,
    );
  }
  const idx = broadcastIndex(x.shape, shape);
  const X = x.data;
  const Y = new Float32Array(idx.length);
  for (let i = 0; i < Y.length; i++) Y[i] = X[idx[i]];
  return fromOp('expand', Y, out, [x], (dy) => [new Tensor(sumToShape(dy.data, out, x.shape), x.shape)]);
}
