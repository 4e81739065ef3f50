import { gradArray } from '../gradient-pool.js';
import { sameShape } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';
import { add } from './add.js';
import { relu } from './relu.js';

/**
 * relu(a + b) in one pass, with the bits of `relu(add(a, b))` (a residual block's output): one
 * activation array and one graph node fewer. d/da = d/db = dy where the output is > 0, else 0 — one
 * array for both inputs, as add hands out. Operands of different shapes (broadcasting) take the two ops.
 */
export function addRelu(a: Tensor, b: Tensor): Tensor {
  if (!(a instanceof Tensor && b instanceof Tensor) || !sameShape(a.shape, b.shape)) return relu(add(a, b)); // add checks the operands
  const A = a.data;
  const B = b.data;
  const Y = new Float32Array(A.length);
  for (let i = 0; i < Y.length; i++) {
    const v = A[i] + B[i];
    // biome-ignore lint/complexity/useMathMinMax: the bits of Math.max(v, 0) (NaN kept), faster (see relu.ts)
    Y[i] = v <= 0 ? 0 : v;
  }
  const shape = a.shape;
  const [needA, needB] = [a.requiresGrad, b.requiresGrad];
  return fromOp('addRelu', Y, shape, [a, b], (dy) => {
    const D = dy.data;
    const g = gradArray(D.length);
    for (let i = 0; i < D.length; i++) g[i] = Y[i] > 0 ? D[i] : 0;
    return [needA ? new Tensor(g, shape) : null, needB ? new Tensor(g, shape) : null];
  });
}
