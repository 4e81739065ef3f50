import { fromOp, Tensor } from '../tensor.js';
import { broadcastOperands } from './operands.js';
import { sumToShape } from './sum-to-shape.js';

/**
 * a + b elementwise with NumPy broadcasting (`b` may be a number).
 * d(a+b)/da = 1, d(a+b)/db = 1 (each summed over the axes it was broadcast along).
 */
export function add(a: Tensor, b: Tensor | number): Tensor {
  const p = broadcastOperands('add', a, b);
  const A = p.a.data;
  const B = p.b.data;
  const { ia, ib } = p;
  const out = new Float32Array(p.size);
  for (let i = 0; i < out.length; i++) out[i] = A[ia ? ia[i] : i] + B[ib ? ib[i] : i];
  return fromOp('add', out, p.shape, [p.a, p.b], (dy) => [
    p.a.requiresGrad ? new Tensor(sumToShape(dy.data, p.shape, p.a.shape), p.a.shape) : null,
    p.b.requiresGrad ? new Tensor(sumToShape(dy.data, p.shape, p.b.shape), p.b.shape) : null,
  ]);
}
