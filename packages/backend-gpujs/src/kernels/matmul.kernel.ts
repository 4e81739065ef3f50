/** gpu.js kernel body for C = op(A)·op(B), one output element per thread (flat index i·N + j). */
import type { KernelThis } from '../gpu-handle.js';

/** Shape constants baked into each compiled matmul kernel (TA/TB are 0 or 1). */
export interface MatmulConstants extends Record<string, number> {
  M: number;
  K: number;
  N: number;
  TA: number;
  TB: number;
}

/** C[i, j] = Σ_p op(A)[i, p]·op(B)[p, j]; the loop is bounded by a constant (never by an argument). */
export function matmulKernel(this: KernelThis<MatmulConstants>, a: Float32Array, b: Float32Array): number {
  const i = Math.floor((this.thread.x + 0.5) / this.constants.N);
  const j = this.thread.x - i * this.constants.N;
  let s = 0;
  for (let p = 0; p < this.constants.K; p++) {
    let av = 0;
    let bv = 0;
    if (this.constants.TA > 0) {
      av = a[p * this.constants.M + i];
    } else {
      av = a[i * this.constants.K + p];
    }
    if (this.constants.TB > 0) {
      bv = b[j * this.constants.K + p];
    } else {
      bv = b[p * this.constants.N + j];
    }
    s += av * bv;
  }
  return s;
}
