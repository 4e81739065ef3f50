import { fromOp, Tensor } from '../tensor.js';

/** √x elementwise (NaN for x < 0). d(√x)/dx = 1/(2√x). */
export function sqrt(x: Tensor): Tensor {
  const X = x.data;
  const Y = new Float32Array(X.length);
  for (let i = 0; i < X.length; i++) Y[i] = Math.sqrt(X[i]);
  return fromOp('sqrt', Y, x.shape, [x], (dy) => {
    const D = dy.data;
    const g = new Float32Array(D.length);
    for (let i = 0; i < D.length; i++) g[i] = D[i] / (2 * Y[i]);
    return [new Tensor(g, x.shape)];
  });
}
