/**
 * The scalar TypeScript engine behind the `PackedGemm` contract: a 4×4 register tile (V8 keeps the
 * accumulators as float64 locals), k blocked at `KC`, jp-outer loop order so one B panel stays in L1
 * while the A block streams from L2. Buffers are plain Float32Arrays, grown on demand.
 */
import type { PackedBuffers, PackedGemm } from '../gemm/packed-gemm.js';

const MR = 4;
const NR = 4;
const KC = 256;

/** A `PackedGemm` in plain TypeScript (one thread). */
export class TiledGemm implements PackedGemm {
  readonly mr = MR;
  readonly nr = NR;
  readonly description = `scalar TypeScript ${MR}x${NR} tile, kc=${KC}`;
  private a = new Float32Array(0);
  private b = new Float32Array(0);
  private c = new Float32Array(0);

  buffers(aLength: number, bLength: number, cLength: number): PackedBuffers {
    if (this.a.length < aLength) this.a = new Float32Array(aLength);
    if (this.b.length < bLength) this.b = new Float32Array(bLength);
    if (this.c.length < cLength) this.c = new Float32Array(cLength);
    return { a: this.a.subarray(0, aLength), b: this.b.subarray(0, bLength), c: this.c.subarray(0, cLength) };
  }

  run(mPanels: number, nPanels: number, k: number, accumulate: boolean): void {
    const ldc = nPanels * NR;
    if (k === 0) {
      if (!accumulate) this.c.fill(0, 0, mPanels * MR * ldc);
      return;
    }
    for (let k0 = 0; k0 < k; k0 += KC) {
      const kc = Math.min(KC, k - k0);
      const acc = accumulate || k0 > 0;
      for (let jp = 0; jp < nPanels; jp++) {
        for (let ip = 0; ip < mPanels; ip++) {
          microKernel(this.a, (ip * k + k0) * MR, this.b, (jp * k + k0) * NR, this.c, ip * MR * ldc + jp * NR, ldc, kc, acc);
        }
      }
    }
  }
}

/** C[4×4 at c0, row stride ldc] (+)= A panel (4 per k) · B panel (4 per k) over kc steps. */
function microKernel(
  a: Float32Array, ai: number, b: Float32Array, bi: number, c: Float32Array, c0: number, ldc: number, kc: number, accumulate: boolean,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0; p < kc; p++, ai += 4, bi += 4) {
    const b0 = b[bi], b1 = b[bi + 1], b2 = b[bi + 2], b3 = b[bi + 3];
    const a0 = a[ai], a1 = a[ai + 1], a2 = a[ai + 2], a3 = a[ai + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  const r1 = c0 + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
  if (accumulate) {
    c[c0] += c00; c[c0 + 1] += c01; c[c0 + 2] += c02; c[c0 + 3] += c03;
    c[r1] += c10; c[r1 + 1] += c11; c[r1 + 2] += c12; c[r1 + 3] += c13;
    c[r2] += c20; c[r2 + 1] += c21; c[r2 + 2] += c22; c[r2 + 3] += c23;
    c[r3] += c30; c[r3 + 1] += c31; c[r3 + 2] += c32; c[r3 + 3] += c33;
  } else {
    c[c0] = c00; c[c0 + 1] = c01; c[c0 + 2] = c02; c[c0 + 3] = c03;
    c[r1] = c10; c[r1 + 1] = c11; c[r1 + 2] = c12; c[r1 + 3] = c13;
    c[r2] = c20; c[r2 + 1] = c21; c[r2 + 2] = c22; c[r2 + 3] = c23;
    c[r3] = c30; c[r3 + 1] = c31; c[r3 + 2] = c32; c[r3 + 3] = c33;
  }
}
