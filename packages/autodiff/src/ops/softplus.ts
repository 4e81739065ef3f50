import { fromOp, Tensor } from '../tensor.js';

/**
 * softplus(x) = ln(1 + eˣ) elementwise, computed as max(x, 0) + ln(1 + e^−|x|) so it never overflows.
 * d softplus(x)/dx = σ(x) (smooth everywhere, which a composite of relu and abs would not be at 0).
 */
export function softplus(x: Tensor): Tensor {
  const X = x.data;
  const Y = new Float32Array(X.length);
  for (let i = 0; i < X.length; i++) {
    const v = X[i];
    Y[i] = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
  }
  return fromOp('softplus', Y, x.shape, [x], (dy) => {
    const D = dy.data;
    const g = new Float32Array(D.length);
    for (let i = 0; i < D.length; i++) {
      const v = X[i];
      const s = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
      g[i] = D[i] * s;
    }
    return [new Tensor(g, x.shape)];
  });
}
