/**
 * Generates the WebAssembly SIMD GEMM micro-kernel on the shared register tile (`simd-tile.ts`).
 *
 * Export `block(aPtr, bPtr, cPtr, mPanels, jp0, jp1, K, kc, ldc, accumulate)` (pointers in bytes):
 * for every column panel jp in [jp0, jp1) and row panel ip in [0, mPanels), C tile (+)= A panel ·
 * B panel over `kc` steps, where panels are `K` long (the packed layout of `PackedGemm` in
 * @gapkit/autodiff) and `aPtr`/`bPtr` already point at the first k of the block. The jp-outer order
 * keeps one B panel in L1 while the whole A block streams from L2.
 */
import { FunctionBuilder } from './function-builder.js';
import { type SimdTile, tileBegin, tileLocals, tileStep, tileStore } from './simd-tile.js';
import { encodeModule, type MemoryImport } from './wasm-encoder.js';
import { signature } from './wasm-signature.js';

export type { SimdTile } from './simd-tile.js';

export const BLOCK_SIGNATURE = signature('block', ['aPtr', 'bPtr', 'cPtr', 'mPanels', 'jp0', 'jp1', 'K', 'kc', 'ldc', 'accumulate'] as const);

/** The `block` function for `tile`. */
export function simdGemmFunction(tile: SimdTile): FunctionBuilder {
  const f = new FunctionBuilder(BLOCK_SIGNATURE);
  const { aPtr, bPtr, cPtr, mPanels, jp0, jp1, K, kc, ldc, accumulate } = f.param;
  const nr = 4 * tile.nrv;
  const jp = f.local('i32', 'jp');
  const ip = f.local('i32', 'ip');
  const p = f.local('i32', 'p');
  const ap = f.local('i32', 'ap');
  const bp = f.local('i32', 'bp');
  const aStride = f.local('i32', 'aStride');
  const bStride = f.local('i32', 'bStride');
  const ldcBytes = f.local('i32', 'ldcBytes');
  const bPanel = f.local('i32', 'bPanel');
  const t = tileLocals(f, tile);

  f.get(K).i32Const(tile.mr * 4).i32Mul().set(aStride);
  f.get(K).i32Const(nr * 4).i32Mul().set(bStride);
  f.get(ldc).i32Const(4).i32Mul().set(ldcBytes);
  f.get(jp0).set(jp);
  f.block('done', (done) => {
    f.get(jp).get(jp1).i32LtS().i32Eqz().brIf(done);
    f.loop('J', (J) => {
      f.get(bPtr).get(jp).get(bStride).i32Mul().i32Add().set(bPanel);
      f.i32Const(0).set(ip);
      f.loop('I', (I) => {
        f.get(aPtr).get(ip).get(aStride).i32Mul().i32Add().set(ap);
        f.get(bPanel).set(bp);
        tileBegin(f, tile, t, { cPtr, ip, jp, ldcBytes, accumulate });
        f.get(kc).set(p);
        f.loop('P', (P) => {
          tileStep(f, tile, t, ap, bp);
          f.get(bp).i32Const(nr * 4).i32Add().set(bp);
          f.get(p).i32Const(1).i32Sub().tee(p).brIf(P);
        });
        tileStore(f, tile, t);
        f.get(ip).i32Const(1).i32Add().tee(ip).get(mPanels).i32LtS().brIf(I);
      });
      f.get(jp).i32Const(1).i32Add().tee(jp).get(jp1).i32LtS().brIf(J);
    });
  });
  return f;
}

/** A module with just the `block` export. */
export function simdGemmModule(tile: SimdTile, memory: MemoryImport): Uint8Array {
  return encodeModule([simdGemmFunction(tile)], memory);
}
