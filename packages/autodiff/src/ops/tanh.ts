import { fromOp, Tensor } from '../tensor.js';

/** tanh(x) elementwise. d tanh(x)/dx = 1 − tanh²(x). */
export function tanh(x: Tensor): Tensor {
  const X = x.data;
  const Y = new Float32Array(X.length);
  for (let i = 0; i < X.length; i++) Y[i] = Math.tanh(X[i]);
  return fromOp('tanh', Y, x.shape, [x], (dy) => {
    const D = dy.data;
    const g = new Float32Array(D.length);
    for (let i = 0; i < D.length; i++) g[i] = D[i] * (1 - Y[i] * Y[i]);
    return [new Tensor(g, x.shape)];
  });
}
