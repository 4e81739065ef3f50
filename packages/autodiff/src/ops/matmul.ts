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
    // An operand broadcast over batch axes gets the sum of several products: accumulate those in float64.
    const da = a.requiresGrad ? new GradSlots(a.size, ia !== null) : null;
    const db = b.requiresGrad ? new GradSlots(b.size, ib !== null) : null;
    for (let t = 0; t < count; t++) {
      const dYt = D.subarray(t * m * n, (t + 1) * m * n);
      const sa = ia ? ia[t] : t;
      const sb = ib ? ib[t] : t;
      da?.add(sa * m * k, mm(dYt, b.data.subarray(sb * k * n, (sb + 1) * k * n), m, n, k, { transB: true }));
      db?.add(sb * k * n, mm(a.data.subarray(sa * m * k, (sa + 1) * m * k), dYt, k, m, n, { transA: true }));
    }
    return [da && new Tensor(da.result(), a.shape), db && new Tensor(db.result(), b.shape)];
  });
}

/** One operand's gradient: products copied in place, or summed in float64 when slots repeat. */
class GradSlots {
  private readonly direct: Float32Array | null;
  private readonly acc: Float64Array | null;

  constructor(size: number, repeats: boolean) {
    this.direct = repeats ? null : new Float32Array(size);
    this.acc = repeats ? new Float64Array(size) : null;
  }

  add(offset: number, src: Float32Array): void {
    if (this.direct) this.direct.set(src, offset);
    else {
      const acc = this.acc!;
      for (let i = 0; i < src.length; i++) acc[offset + i] += src[i];
    }
  }

  result(): Float32Array {
    return this.direct ?? Float32Array.from(this.acc!);
  }
}
