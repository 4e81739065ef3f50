/**
 * The contract between the GEMM drivers (matmul, im2col convolutions) and a micro-kernel engine
 * (scalar TypeScript, WebAssembly SIMD). Operands are packed into panels so the engine's inner loop
 * reads both of them sequentially:
 *
 * - packed A: row panel `ip` (rows ip·mr … ip·mr+mr−1), then k, then row: `a[(ip·K + p)·mr + r]`;
 * - packed B: column panel `jp`, then k, then column: `b[(jp·K + p)·nr + c]`;
 * - C: row-major `[mPanels·mr, ldc]` with `ldc = nPanels·nr` (padding rows and columns are scratch).
 *
 * Rows and columns past the real M and N are zero in the packed operands, so the engine never needs
 * edge cases; the driver copies the valid part of C out.
 */

/** Views on an engine's working memory, valid until the next `buffers()` call. */
export interface PackedBuffers {
  readonly a: Float32Array;
  readonly b: Float32Array;
  readonly c: Float32Array;
}

export interface PackedGemm {
  /** Register-tile rows (height of an A panel). */
  readonly mr: number;
  /** Register-tile columns (width of a B panel). */
  readonly nr: number;
  /** Working buffers of at least these lengths (floats). Earlier views may be invalidated. */
  buffers(aLength: number, bLength: number, cLength: number): PackedBuffers;
  /**
   * C[0 : mPanels·mr, 0 : nPanels·nr] (+)= A·B over the full reduction length `k`, on the buffers
   * last returned by `buffers()`. `accumulate` adds to C instead of overwriting it.
   */
  run(mPanels: number, nPanels: number, k: number, accumulate: boolean): void;
  /** Human-readable facts for `describe()`. */
  readonly description: string;
}

/** Number of panels of `size` needed to cover `n`. */
export function panels(n: number, size: number): number {
  return Math.ceil(n / size);
}
