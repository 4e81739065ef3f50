import { fromOp, Tensor } from '../tensor.js';

/**
 * min(max(x, min), max) elementwise; either bound may be omitted (±Infinity).
 * d clamp(x)/dx = 1 where min ≤ x ≤ max, else 0 (PyTorch's convention at the bounds).
 */
export function clamp(x: Tensor, min = -Infinity, max = Infinity): Tensor {
  if (Number.isNaN(min) || Number.isNaN(max) || min > max) {
    throw new RangeError(`clamp: need min ≤ max, got min ${min} and max ${max}`);
  }
  const X = x.data;
  const Y = new Float32Array(X.length);
  for (let i = 0; i < X.length; i++) Y[i] = Math.min(Math.max(X[i], min), max);
  return fromOp('clamp', Y, x.shape, [x], (dy) => {
    const D = dy.data;
    const g = new Float32Array(D.length);
    for (let i = 0; i < D.length; i++) g[i] = X[i] >= min && X[i] <= max ? D[i] : 0;
    return [new Tensor(g, x.shape)];
  });
}
