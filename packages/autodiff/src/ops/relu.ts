import { gradArray } from '../gradient-pool.js';
import { fromOp, Tensor } from '../tensor.js';

/**
 * max(x, 0) elementwise. d relu(x)/dx = 1 if x > 0 else 0 (0 at x = 0, as PyTorch). Backward reads the
 * output (y > 0 exactly where x > 0), so the graph keeps no copy of the input for it.
 */
export function relu(x: Tensor): Tensor {
  const X = x.data;
  const Y = new Float32Array(X.length);
  for (let i = 0; i < X.length; i++) {
    const v = X[i];
    // biome-ignore lint/complexity/useMathMinMax: the bits of Math.max(v, 0) (−0 → 0, NaN kept), 3.95 → 3.70 ms per 1M here
    Y[i] = v <= 0 ? 0 : v;
  }
  const shape = x.shape;
  return fromOp('relu', Y, shape, [x], (dy) => {
    const D = dy.data;
    const g = gradArray(D.length);
    for (let i = 0; i < D.length; i++) g[i] = Y[i] > 0 ? D[i] : 0;
    return [new Tensor(g, shape)];
  });
}
