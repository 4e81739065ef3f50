import { fromOp, Tensor } from '../tensor.js';

/** xᵖ elementwise for a constant exponent p. d(xᵖ)/dx = p·xᵖ⁻¹. */
export function pow(x: Tensor, exponent: number): Tensor {
  if (!Number.isFinite(exponent)) throw new RangeError(`pow: exponent must be a finite number, got ${exponent}`);
  const X = x.data;
  const Y = new Float32Array(X.length);
  for (let i = 0; i < X.length; i++) Y[i] = X[i] ** exponent;
  return fromOp('pow', Y, x.shape, [x], (dy) => {
    const D = dy.data;
    const g = new Float32Array(D.length);
    for (let i = 0; i < D.length; i++) g[i] = exponent === 0 ? 0 : D[i] * exponent * X[i] ** (exponent - 1);
    return [new Tensor(g, x.shape)];
  });
}
