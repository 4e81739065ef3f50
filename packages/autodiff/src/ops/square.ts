import { fromOp, Tensor } from '../tensor.js';

/** x² elementwise. d(x²)/dx = 2x. */
export function square(x: Tensor): Tensor {
  const X = x.data;
  const Y = new Float32Array(X.length);
  for (let i = 0; i < X.length; i++) Y[i] = X[i] * X[i];
  return fromOp('square', Y, x.shape, [x], (dy) => {
    const D = dy.data;
    const g = new Float32Array(D.length);
    for (let i = 0; i < D.length; i++) g[i] = 2 * D[i] * X[i];
    return [new Tensor(g, x.shape)];
  });
}
