/**
 * Generates the WebAssembly SIMD GEMM micro-kernel: an `mr × 4·nrv` register tile of f32x4
 * accumulators, fed by a broadcast A element (`v128.load32_splat`) and `nrv` B vectors per k step.
 * Node 20 has no f32x4 FMA without flags, so each update is a separate mul and add.
 *
 * Export `block(aPtr, bPtr, cPtr, mPanels, jp0, jp1, K, kc, ldc, accumulate)` (pointers in bytes):
 * for every column panel jp in [jp0, jp1) and row panel ip in [0, mPanels), C tile (+)= A panel ·
 * B panel over `kc` steps, where panels are `K` long (the packed layout of `packed-gemm.ts`) and
 * `aPtr`/`bPtr` already point at the first k of the block. The jp-outer order keeps one B panel in
 * L1 while the whole A block streams from L2.
 */
import { CodeBuilder, encodeModule, I32, V128 } from './wasm-encoder.js';

/** Tile shape of a generated kernel. */
export interface SimdTile {
  readonly mr: number;
  /** Number of f32x4 vectors per tile row (tile width is 4·nrv). */
  readonly nrv: number;
}

/** The `block` function body (parameters 0‥9) for `tile`. */
export function simdGemmBody(tile: SimdTile): { body: CodeBuilder; locals: number[] } {
  const { mr, nrv } = tile;
  const nr = 4 * nrv;
  // Parameters 0‥9.
  const [aPtr, bPtr, cPtr, mPanels, jp0, jp1, K, kc, ldc, accumulate] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  let next = 10;
  const jp = next++;
  const ip = next++;
  const p = next++;
  const ap = next++;
  const bp = next++;
  const aStride = next++;
  const bStride = next++;
  const ldcB = next++;
  const bPanel = next++;
  const rowPtr = Array.from({ length: mr }, () => next++);
  const i32Locals = next - 10;
  const acc = Array.from({ length: mr }, () => Array.from({ length: nrv }, () => next++));
  const bv = Array.from({ length: nrv }, () => next++);
  const av = next++;
  const v128Locals = next - 10 - i32Locals;

  const c = new CodeBuilder();
  c.localGet(K).i32Const(mr * 4).i32Mul().localSet(aStride);
  c.localGet(K).i32Const(nr * 4).i32Mul().localSet(bStride);
  c.localGet(ldc).i32Const(4).i32Mul().localSet(ldcB);
  c.localGet(jp0).localSet(jp);
  c.block();
  c.localGet(jp).localGet(jp1).i32LtS().i32Eqz().brIf(0);
  c.loop(); // $J
  c.localGet(bPtr).localGet(jp).localGet(bStride).i32Mul().i32Add().localSet(bPanel);
  c.i32Const(0).localSet(ip);
  c.loop(); // $I
  c.localGet(aPtr).localGet(ip).localGet(aStride).i32Mul().i32Add().localSet(ap);
  c.localGet(bPanel).localSet(bp);
  // row 0 of the C tile: cPtr + ip·mr·ldcB + jp·nr·4
  c.localGet(cPtr).localGet(ip).i32Const(mr).i32Mul().localGet(ldcB).i32Mul().i32Add();
  c.localGet(jp).i32Const(nr * 4).i32Mul().i32Add().localSet(rowPtr[0]);
  for (let r = 1; r < mr; r++) c.localGet(rowPtr[r - 1]).localGet(ldcB).i32Add().localSet(rowPtr[r]);
  c.localGet(accumulate).if();
  for (let r = 0; r < mr; r++) for (let v = 0; v < nrv; v++) c.localGet(rowPtr[r]).v128Load(16 * v).localSet(acc[r][v]);
  c.else();
  for (let r = 0; r < mr; r++) for (let v = 0; v < nrv; v++) c.v128Zero().localSet(acc[r][v]);
  c.end();
  c.localGet(kc).localSet(p);
  c.loop(); // $P
  for (let v = 0; v < nrv; v++) c.localGet(bp).v128Load(16 * v).localSet(bv[v]);
  for (let r = 0; r < mr; r++) {
    c.localGet(ap).v128Load32Splat(4 * r).localSet(av);
    for (let v = 0; v < nrv; v++) {
      c.localGet(acc[r][v]).localGet(av).localGet(bv[v]).f32x4Mul().f32x4Add().localSet(acc[r][v]);
    }
  }
  c.localGet(ap).i32Const(mr * 4).i32Add().localSet(ap);
  c.localGet(bp).i32Const(nr * 4).i32Add().localSet(bp);
  c.localGet(p).i32Const(1).i32Sub().localTee(p).brIf(0);
  c.end(); // $P
  for (let r = 0; r < mr; r++) for (let v = 0; v < nrv; v++) c.localGet(rowPtr[r]).localGet(acc[r][v]).v128Store(16 * v);
  c.localGet(ip).i32Const(1).i32Add().localTee(ip).localGet(mPanels).i32LtS().brIf(0);
  c.end(); // $I
  c.localGet(jp).i32Const(1).i32Add().localTee(jp).localGet(jp1).i32LtS().brIf(0);
  c.end(); // $J
  c.end(); // block

  const locals = [...new Array<number>(i32Locals).fill(I32), ...new Array<number>(v128Locals).fill(V128)];
  return { body: c, locals };
}

/** A module with just the `block` export. */
export function simdGemmModule(tile: SimdTile, memory: { shared: boolean; maximumPages: number }): Uint8Array {
  const { body, locals } = simdGemmBody(tile);
  return encodeModule([{ name: 'block', params: new Array<number>(10).fill(I32), locals, body }], memory);
}
