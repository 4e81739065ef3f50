import { fromOp, Tensor } from '../tensor.js';

/** −x elementwise. d(−x)/dx = −1. */
export function neg(x: Tensor): Tensor {
  const X = x.data;
  const Y = new Float32Array(X.length);
  for (let i = 0; i < X.length; i++) Y[i] = -X[i];
  return fromOp('neg', Y, x.shape, [x], (dy) => {
    const D = dy.data;
    const g = new Float32Array(D.length);
    for (let i = 0; i < D.length; i++) g[i] = -D[i];
    return [new Tensor(g, x.shape)];
  });
}
