import { fromOp, Tensor } from '../tensor.js';

/** |x| elementwise. d|x|/dx = sign(x), taken as 0 at x = 0 (PyTorch's choice). */
export function abs(x: Tensor): Tensor {
  const X = x.data;
  const Y = new Float32Array(X.length);
  for (let i = 0; i < X.length; i++) Y[i] = Math.abs(X[i]);
  return fromOp('abs', Y, x.shape, [x], (dy) => {
    const D = dy.data;
    const g = new Float32Array(D.length);
    for (let i = 0; i < D.length; i++) g[i] = X[i] > 0 ? D[i] : X[i] < 0 ? -D[i] : 0;
    return [new Tensor(g, x.shape)];
  });
}
