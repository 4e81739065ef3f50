import { fromOp, Tensor } from '../tensor.js';
import { broadcastOperands } from './operands.js';
import { sumToShape } from './sum-to-shape.js';

/**
 * a / b elementwise with NumPy broadcasting (`b` may be a number). Division by zero gives ±Inf/NaN as
 * IEEE says; use `assertFinite` where that matters.
 * d(a/b)/da = 1/b, d(a/b)/db = −a/b² (each summed over the axes it was broadcast along).
 */
export function div(a: Tensor, b: Tensor | number): Tensor {
  const p = broadcastOperands('div', a, b);
  const A = p.a.data;
  const B = p.b.data;
  const { ia, ib } = p;
  const out = new Float32Array(p.size);
  for (let i = 0; i < out.length; i++) out[i] = A[ia ? ia[i] : i] / B[ib ? ib[i] : i];
  return fromOp('div', out, p.shape, [p.a, p.b], (dy) => {
    const D = dy.data;
    let da: Tensor | null = null;
    let db: Tensor | null = null;
    if (p.a.requiresGrad) {
      const g = new Float32Array(D.length);
      for (let i = 0; i < D.length; i++) g[i] = D[i] / B[ib ? ib[i] : i];
      da = new Tensor(sumToShape(g, p.shape, p.a.shape), p.a.shape);
    }
    if (p.b.requiresGrad) {
      const g = new Float32Array(D.length);
      for (let i = 0; i < D.length; i++) {
        const bi = B[ib ? ib[i] : i];
        g[i] = (-D[i] * A[ia ? ia[i] : i]) / (bi * bi);
      }
      db = new Tensor(sumToShape(g, p.shape, p.b.shape), p.b.shape);
    }
    return [da, db];
  });
}
