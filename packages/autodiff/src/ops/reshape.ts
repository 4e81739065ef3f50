import { type Shape, shapeToString, sizeOf } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';

/**
 * Same values in row-major order under a new shape; one entry may be −1 (inferred). Returns fresh data.
 * d reshape(x)/dx: the gradient is dy reshaped back to x's shape.
 */
export function reshape(x: Tensor, shape: Shape): Tensor {
  const target = resolveShape(x, shape);
  return fromOp('reshape', x.data.slice(), target, [x], (dy) => [new Tensor(dy.data, x.shape)]);
}

function resolveShape(x: Tensor, shape: Shape): number[] {
  const free = shape.filter((d) => d === -1).length;
  const bad = shape.find((d) => !Number.isInteger(d) || d < -1);
  if (free > 1 || bad !== undefined) {
    throw new RangeError(`reshape: target ${shapeToString(shape)} must hold non-negative integers and at most one −1`);
  }
  const known = sizeOf(shape.filter((d) => d !== -1));
  const out = [...shape];
  if (free === 1) {
    if (known === 0 || x.size % known !== 0) {
      throw new RangeError(`reshape: cannot infer the −1 in ${shapeToString(shape)} for ${x.size} elements of shape ${shapeToString(x.shape)}`);
    }
    out[out.indexOf(-1)] = x.size / known;
  }
  if (sizeOf(out) !== x.size) {
    throw new RangeError(
      `reshape: cannot reshape ${shapeToString(x.shape)} (${x.size} elements) to ${shapeToString(shape)} (${sizeOf(out)} elements); sizes must match`,
    );
  }
  return out;
}
