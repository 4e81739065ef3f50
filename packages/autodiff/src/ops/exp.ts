import { fromOp, Tensor } from '../tensor.js';

/** eˣ elementwise. d(eˣ)/dx = eˣ. */
export function exp(x: Tensor): Tensor {
  const X = x.data;
  const Y = new Float32Array(X.length);
  for (let i = 0; i < X.length; i++) Y[i] = Math.exp(X[i]);
  return fromOp('exp', Y, x.shape, [x], (dy) => {
    const D = dy.data;
    const g = new Float32Array(D.length);
    for (let i = 0; i < D.length; i++) g[i] = D[i] * Y[i];
    return [new Tensor(g, x.shape)];
  });
}
