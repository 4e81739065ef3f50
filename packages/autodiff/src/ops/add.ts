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
  // Backward needs only shapes: the closure keeps neither operand's data alive.
  const { shape } = p;
  const [needA, aShape] = [p.a.requiresGrad, p.a.shape];
  const [needB, bShape] = [p.b.requiresGrad, p.b.shape];
  return fromOp('add', out, shape, [p.a, p.b], (dy) => [
    needA ? new Tensor(sumToShape(dy.data, shape, aShape), aShape) : null,
    needB ? new Tensor(sumToShape(dy.data, shape, bShape), bShape) : null,
  ]);
}
