import { kernels } from '../backend/registry.js';
import { shapeToString, sizeOf } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';

/**
 * Fused affine map y = x·Wᵀ + b for x [..., in], W [out, in], b [out] or null → [..., out]. Uses
 * `kernels().matmul` with transB, so W is never copied into a transpose.
 * dy/dx = W (dx = dY·W), dy/dW = xᵀ (dW = dYᵀ·x), dy/db = 1 (db = Σ over rows of dY).
 */
export function linear(x: Tensor, w: Tensor, b: Tensor | null): Tensor {
  if (w.rank !== 2 || x.rank < 1 || x.shape[x.rank - 1] !== w.shape[1]) {
    throw new RangeError(
      `linear: input ${shapeToString(x.shape)} and weight ${shapeToString(w.shape)} do not fit; need x [..., in] and W [out, in]`,
    );
  }
  const [out, inF] = w.shape;
  if (b !== null && (b.rank !== 1 || b.shape[0] !== out)) {
    throw new RangeError(`linear: bias ${shapeToString(b.shape)} must be [${out}] for weight ${shapeToString(w.shape)}`);
  }
  const rows = sizeOf(x.shape.slice(0, -1));
  const mm = kernels().matmul;
  const Y = mm(x.data, w.data, rows, inF, out, { transB: true });
  if (b !== null) {
    const B = b.data;
    for (let r = 0; r < rows; r++) {
      const o = r * out;
      for (let j = 0; j < out; j++) Y[o + j] += B[j];
    }
  }
  const outShape = [...x.shape.slice(0, -1), out];
  const inputs = b === null ? [x, w] : [x, w, b];
  return fromOp('linear', Y, outShape, inputs, (dy) => {
    const D = dy.data;
    const dx = x.requiresGrad ? new Tensor(mm(D, w.data, rows, out, inF), x.shape) : null;
    const dw = w.requiresGrad ? new Tensor(mm(D, x.data, out, rows, inF, { transA: true }), w.shape) : null;
    let db: Tensor | null = null;
    if (b?.requiresGrad) {
      const acc = new Float64Array(out);
      for (let r = 0; r < rows; r++) {
        const o = r * out;
        for (let j = 0; j < out; j++) acc[j] += D[o + j];
      }
      db = new Tensor(Float32Array.from(acc), b.shape);
    }
    return b === null ? [dx, dw] : [dx, dw, db];
  });
}
