import { gradArray } from '../gradient-pool.js';
import { fromOp, Tensor } from '../tensor.js';

/** x if x > 0 else slope·x, elementwise. d/dx = 1 if x > 0 else slope. */
export function leakyRelu(x: Tensor, slope: number): Tensor {
  if (!Number.isFinite(slope)) throw new RangeError(`leakyRelu: slope must be a finite number, got ${slope}`);
  const X = x.data;
  const Y = new Float32Array(X.length);
  for (let i = 0; i < X.length; i++) Y[i] = X[i] > 0 ? X[i] : slope * X[i];
  return fromOp('leakyRelu', Y, x.shape, [x], (dy) => {
    const D = dy.data;
    const g = gradArray(D.length);
    for (let i = 0; i < D.length; i++) g[i] = X[i] > 0 ? D[i] : slope * D[i];
    return [new Tensor(g, x.shape)];
  });
}
