/**
 * Generates the implicit-GEMM convolution kernel for stride-1 convolutions: the same `mr × 4·nrv`
 * f32x4 register tile as the GEMM, but B is read straight from the zero-padded input planes instead of
 * a packed im2col matrix. Output column j is padded-grid position j; the k loop runs over (shift s,
 * channel c), and the B vectors for (s, c) are the 4·nrv consecutive grid positions starting at
 * `j + off[s]` of plane c — a plain (unaligned) v128.load, so there is no packing at all.
 *
 * Export `conv(aPtr, bPtr, cPtr, mPanels, jp0, jp1, channels, planeBytes, offPtr, shifts, ldc,
 * accumulate)`: A packed as `[ip][s][c][mr]`, B the padded planes (`planeBytes` apart), `offPtr` an i32
 * table of byte offsets per shift, C row-major with `ldc` floats per row.
 */
import { CodeBuilder, I32, V128 } from './wasm-encoder.js';
import type { SimdTile } from './simd-gemm-module.js';

/** The function body (parameters 0‥11) for `tile`. */
export function simdConvBody(tile: SimdTile): { body: CodeBuilder; locals: number[] } {
  const { mr, nrv } = tile;
  const nr = 4 * nrv;
  const [aPtr, bPtr, cPtr, mPanels, jp0, jp1, channels, planeBytes, offPtr, shifts, ldc, accumulate] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  let next = 12;
  const jp = next++;
  const ip = next++;
  const s = next++;
  const c = next++;
  const ap = next++;
  const bp = next++;
  const bCol = next++;
  const op = next++;
  const aStride = next++;
  const ldcB = next++;
  const rowPtr = Array.from({ length: mr }, () => next++);
  const i32Locals = next - 12;
  const acc = Array.from({ length: mr }, () => Array.from({ length: nrv }, () => next++));
  const bv = Array.from({ length: nrv }, () => next++);
  const av = next++;
  const v128Locals = next - 12 - i32Locals;

  const k = new CodeBuilder();
  k.localGet(shifts).localGet(channels).i32Mul().i32Const(mr * 4).i32Mul().localSet(aStride);
  k.localGet(ldc).i32Const(4).i32Mul().localSet(ldcB);
  k.localGet(jp0).localSet(jp);
  k.block();
  k.localGet(jp).localGet(jp1).i32LtS().i32Eqz().brIf(0);
  k.loop(); // $J
  k.localGet(bPtr).localGet(jp).i32Const(nr * 4).i32Mul().i32Add().localSet(bCol);
  k.i32Const(0).localSet(ip);
  k.loop(); // $I
  k.localGet(aPtr).localGet(ip).localGet(aStride).i32Mul().i32Add().localSet(ap);
  k.localGet(cPtr).localGet(ip).i32Const(mr).i32Mul().localGet(ldcB).i32Mul().i32Add();
  k.localGet(jp).i32Const(nr * 4).i32Mul().i32Add().localSet(rowPtr[0]);
  for (let r = 1; r < mr; r++) k.localGet(rowPtr[r - 1]).localGet(ldcB).i32Add().localSet(rowPtr[r]);
  k.localGet(accumulate).if();
  for (let r = 0; r < mr; r++) for (let v = 0; v < nrv; v++) k.localGet(rowPtr[r]).v128Load(16 * v).localSet(acc[r][v]);
  k.else();
  for (let r = 0; r < mr; r++) for (let v = 0; v < nrv; v++) k.v128Zero().localSet(acc[r][v]);
  k.end();
  k.i32Const(0).localSet(s);
  k.localGet(offPtr).localSet(op);
  k.loop(); // $S
  k.localGet(bCol).localGet(op).i32Load(0).i32Add().localSet(bp);
  k.localGet(channels).localSet(c);
  k.loop(); // $C
  for (let v = 0; v < nrv; v++) k.localGet(bp).v128Load(16 * v).localSet(bv[v]);
  for (let r = 0; r < mr; r++) {
    k.localGet(ap).v128Load32Splat(4 * r).localSet(av);
    for (let v = 0; v < nrv; v++) k.localGet(acc[r][v]).localGet(av).localGet(bv[v]).f32x4Mul().f32x4Add().localSet(acc[r][v]);
  }
  k.localGet(ap).i32Const(mr * 4).i32Add().localSet(ap);
  k.localGet(bp).localGet(planeBytes).i32Add().localSet(bp);
  k.localGet(c).i32Const(1).i32Sub().localTee(c).brIf(0);
  k.end(); // $C
  k.localGet(op).i32Const(4).i32Add().localSet(op);
  k.localGet(s).i32Const(1).i32Add().localTee(s).localGet(shifts).i32LtS().brIf(0);
  k.end(); // $S
  for (let r = 0; r < mr; r++) for (let v = 0; v < nrv; v++) k.localGet(rowPtr[r]).localGet(acc[r][v]).v128Store(16 * v);
  k.localGet(ip).i32Const(1).i32Add().localTee(ip).localGet(mPanels).i32LtS().brIf(0);
  k.end(); // $I
  k.localGet(jp).i32Const(1).i32Add().localTee(jp).localGet(jp1).i32LtS().brIf(0);
  k.end(); // $J
  k.end(); // block
  return { body: k, locals: [...new Array<number>(i32Locals).fill(I32), ...new Array<number>(v128Locals).fill(V128)] };
}
