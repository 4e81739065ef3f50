/** Reference CPU matmul: C = op(A)·op(B), i-k-j loop order with a float64 row accumulator. */
import type { MatmulOptions } from '../backend.js';

export function matmulCpu(a: Float32Array, b: Float32Array, m: number, k: number, n: number, opts: MatmulOptions = {}): Float32Array {
  const { transA = false, transB = false } = opts;
  const c = new Float32Array(m * n);
  const row = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    row.fill(0);
    for (let p = 0; p < k; p++) {
      const aip = transA ? a[p * m + i] : a[i * k + p];
      if (aip === 0) continue;
      if (transB) {
        for (let j = 0; j < n; j++) row[j] += aip * b[j * k + p];
      } else {
        const off = p * n;
        for (let j = 0; j < n; j++) row[j] += aip * b[off + j];
      }
    }
    const off = i * n;
    for (let j = 0; j < n; j++) c[off + j] = row[j];
  }
  return c;
}
