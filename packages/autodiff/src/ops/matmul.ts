import { kernels } from '../backend/registry.js';
import { broadcastShapes, sameShape, shapeToString, sizeOf } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';
import { broadcastIndex } from './strided-index.js';

/**
 * Batched matrix product [..., m, k] · [..., k, n] → [..., m, n]; the batch axes broadcast (NumPy).
 * Every product runs on `kernels().matmul`.
 * d(A·B)/dA = dY·Bᵀ, d(A·B)/dB = Aᵀ·dY (summed over batch axes that were broadcast).
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.rank < 2 || b.rank < 2 || a.shape[a.rank - 1] !== b.shape[b.rank - 2]) {
    throw new RangeError(
      `matmul: cannot multiply ${shapeToString(a.shape)} by ${shapeToString(b.shape)}; need [..., m, k] · [..., k, n] (rank ≥ 2, inner sizes equal)`,
    );
  }
  const [m, k] = a.shape.slice(-2);
  const n = b.shape[b.rank - 1];
  const aBatch = a.shape.slice(0, -2);
  const bBatch = b.shape.slice(0, -2);
  const batch = broadcastShapes('matmul (batch axes)', aBatch, bBatch);
  const count = sizeOf(batch);
  const ia = sameShape(aBatch, batch) ? null : broadcastIndex(aBatch, batch);
  const ib = sameShape(bBatch, batch) ? null : broadcastIndex(bBatch, batch);
  const outShape = [...batch, m, n];
  const mm = kernels().matmul;
  const Y = new Float32Array(count * m * n);
  for (let t = 0; t < count; t++) {
    const A = a.data.subarray((ia ? ia[t] : t) * m * k, ((ia ? ia[t] : t) + 1) * m * k);
    const B = b.data.subarray((ib ? ib[t] : t) * k * n, ((ib ? ib[t] : t) + 1) * k * n);
    Y.set(mm(A, B, m, k, n), t * m * n);
  }
  return fromOp('matmul', Y, outShape, [a, b], (dy) => {
    const D = dy.data;
    const da = a.requiresGrad ? new Float32Array(a.size) : null;
    const db = b.requiresGrad ? new Float32Array(b.size) : null;
    for (let t = 0; t < count; t++) {
      const dYt = D.subarray(t * m * n, (t + 1) * m * n);
      const sa = ia ? ia[t] : t;
      const sb = ib ? ib[t] : t;
      if (da) addInto(da, sa * m * k, mm(dYt, b.data.subarray(sb * k * n, (sb + 1) * k * n), m, n, k, { transB: true }));
      if (db) addInto(db, sb * k * n, mm(a.data.subarray(sa * m * k, (sa + 1) * m * k), dYt, k, m, n, { transA: true }));
    }
    return [da && new Tensor(da, a.shape), db && new Tensor(db, b.shape)];
  });
}

function addInto(dst: Float32Array, offset: number, src: Float32Array): void {
  for (let i = 0; i < src.length; i++) dst[offset + i] += src[i];
}
