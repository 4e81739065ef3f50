import { fromOp, Tensor } from '../tensor.js';

/** Natural log elementwise (NaN for x < 0, −Inf at 0, as IEEE says). d(ln x)/dx = 1/x. */
export function log(x: Tensor): Tensor {
  const X = x.data;
  const Y = new Float32Array(X.length);
  for (let i = 0; i < X.length; i++) Y[i] = Math.log(X[i]);
  return fromOp('log', Y, x.shape, [x], (dy) => {
    const D = dy.data;
    const g = new Float32Array(D.length);
    for (let i = 0; i < D.length; i++) g[i] = D[i] / X[i];
    return [new Tensor(g, x.shape)];
  });
}
