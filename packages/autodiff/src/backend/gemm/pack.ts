/** Packing row-major (optionally transposed) matrices into the panel layouts of `packed-gemm.ts`. */

/**
 * dst[(ip·k + p)·mr + r] = op(A)[ip·mr + r, p], zero past row m. op(A) is [m, k]; A is stored [m, k],
 * or [k, m] when `trans`.
 */
export function packA(src: Float32Array, m: number, k: number, trans: boolean, mr: number, dst: Float32Array): void {
  const mPanels = Math.ceil(m / mr);
  for (let ip = 0; ip < mPanels; ip++) {
    const i0 = ip * mr;
    const rows = Math.min(mr, m - i0);
    const base = ip * k * mr;
    if (rows < mr) dst.fill(0, base, base + k * mr);
    for (let r = 0; r < rows; r++) {
      const i = i0 + r;
      if (trans) {
        for (let p = 0, d = base + r; p < k; p++, d += mr) dst[d] = src[p * m + i];
      } else {
        const off = i * k;
        for (let p = 0, d = base + r; p < k; p++, d += mr) dst[d] = src[off + p];
      }
    }
  }
}

/**
 * dst[(jp·k + p)·nr + c] = op(B)[p, jp·nr + c], zero past column n. op(B) is [k, n]; B is stored
 * [k, n], or [n, k] when `trans`.
 */
export function packB(src: Float32Array, k: number, n: number, trans: boolean, nr: number, dst: Float32Array): void {
  const nPanels = Math.ceil(n / nr);
  for (let jp = 0; jp < nPanels; jp++) {
    const j0 = jp * nr;
    const cols = Math.min(nr, n - j0);
    const base = jp * k * nr;
    if (cols < nr) dst.fill(0, base, base + k * nr);
    if (trans) {
      for (let c = 0; c < cols; c++) {
        const off = (j0 + c) * k;
        for (let p = 0, d = base + c; p < k; p++, d += nr) dst[d] = src[off + p];
      }
    } else {
      for (let p = 0; p < k; p++) {
        const s = p * n + j0;
        const d = base + p * nr;
        for (let c = 0; c < cols; c++) dst[d + c] = src[s + c];
      }
    }
  }
}

/**
 * Rows shorter than this are copied element by element: a `subarray` view per row costs more than
 * the copy itself for the narrow C of small layers (NCF's 32-, 16-, 8- and 1-wide outputs).
 */
export const SHORT_ROW = 64;

/**
 * out[i·n + j] = c[i·ldc + j] for the valid m × n corner of a padded C: one block copy when C has no
 * padding columns, a plain loop for short rows, a row copy otherwise. Every path copies the same
 * float32 values (`unpackC.test.ts` checks them against the row-by-row copy).
 */
export function unpackC(c: Float32Array, ldc: number, m: number, n: number, out: Float32Array): void {
  if (ldc === n) {
    out.set(c.subarray(0, m * n));
  } else if (n < SHORT_ROW) {
    for (let i = 0, s = 0, o = 0; i < m; i++, s += ldc) for (let j = 0; j < n; j++) out[o++] = c[s + j];
  } else {
    for (let i = 0; i < m; i++) out.set(c.subarray(i * ldc, i * ldc + n), i * n);
  }
}
