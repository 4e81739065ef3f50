import { fromOp, Tensor } from '../tensor.js';

/** σ(x) = 1/(1+e⁻ˣ) elementwise, computed without overflow for large |x|. dσ/dx = σ(1−σ). */
export function sigmoid(x: Tensor): Tensor {
  const X = x.data;
  const Y = new Float32Array(X.length);
  for (let i = 0; i < X.length; i++) {
    const v = X[i];
    if (v >= 0) Y[i] = 1 / (1 + Math.exp(-v));
    else {
      const e = Math.exp(v);
      Y[i] = e / (1 + e);
    }
  }
  return fromOp('sigmoid', Y, x.shape, [x], (dy) => {
    const D = dy.data;
    const g = new Float32Array(D.length);
    for (let i = 0; i < D.length; i++) g[i] = D[i] * Y[i] * (1 - Y[i]);
    return [new Tensor(g, x.shape)];
  });
}
