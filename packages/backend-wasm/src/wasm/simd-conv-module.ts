/**
 * Generates the implicit-GEMM convolution kernel for stride-1 convolutions on the shared register
 * tile (`simd-tile.ts`), with B read straight from the zero-padded input planes instead of a packed
 * im2col matrix. Output column j is padded-grid position j; the k loop runs over (shift s, channel c),
 * and the B vectors for (s, c) are the 4·nrv consecutive grid positions starting at `j + off[s]` of
 * plane c — a plain (unaligned) v128.load, so there is no packing at all.
 *
 * Export `conv(aPtr, bPtr, cPtr, mPanels, jp0, jp1, channels, planeBytes, offPtr, shifts, ldc,
 * accumulate)`: A packed as `[ip][s][c][mr]`, B the padded planes (`planeBytes` apart), `offPtr` an i32
 * table of byte offsets per shift, C row-major with `ldc` floats per row.
 */
import { FunctionBuilder } from './function-builder.js';
import { type SimdTile, tileBegin, tileLocals, tileStep, tileStore } from './simd-tile.js';
import { signature } from './wasm-signature.js';

export const CONV_SIGNATURE = signature('conv', [
  'aPtr', 'bPtr', 'cPtr', 'mPanels', 'jp0', 'jp1', 'channels', 'planeBytes', 'offPtr', 'shifts', 'ldc', 'accumulate',
] as const);

/** The `conv` function for `tile`. */
export function simdConvFunction(tile: SimdTile): FunctionBuilder {
  const f = new FunctionBuilder(CONV_SIGNATURE);
  const { aPtr, bPtr, cPtr, mPanels, jp0, jp1, channels, planeBytes, offPtr, shifts, ldc, accumulate } = f.param;
  const nr = 4 * tile.nrv;
  const jp = f.local('i32', 'jp');
  const ip = f.local('i32', 'ip');
  const s = f.local('i32', 's');
  const c = f.local('i32', 'c');
  const ap = f.local('i32', 'ap');
  const bp = f.local('i32', 'bp');
  const bCol = f.local('i32', 'bCol');
  const op = f.local('i32', 'op');
  const aStride = f.local('i32', 'aStride');
  const ldcBytes = f.local('i32', 'ldcBytes');
  const t = tileLocals(f, tile);

  f.get(shifts).get(channels).i32Mul().i32Const(tile.mr * 4).i32Mul().set(aStride);
  f.get(ldc).i32Const(4).i32Mul().set(ldcBytes);
  f.get(jp0).set(jp);
  f.block('done', (done) => {
    f.get(jp).get(jp1).i32LtS().i32Eqz().brIf(done);
    f.loop('J', (J) => {
      f.get(bPtr).get(jp).i32Const(nr * 4).i32Mul().i32Add().set(bCol);
      f.i32Const(0).set(ip);
      f.loop('I', (I) => {
        f.get(aPtr).get(ip).get(aStride).i32Mul().i32Add().set(ap);
        tileBegin(f, tile, t, { cPtr, ip, jp, ldcBytes, accumulate });
        f.i32Const(0).set(s);
        f.get(offPtr).set(op);
        f.loop('S', (S) => {
          f.get(bCol).get(op).i32Load(0).i32Add().set(bp);
          f.get(channels).set(c);
          f.loop('C', (C) => {
            tileStep(f, tile, t, ap, bp);
            f.get(bp).get(planeBytes).i32Add().set(bp);
            f.get(c).i32Const(1).i32Sub().tee(c).brIf(C);
          });
          f.get(op).i32Const(4).i32Add().set(op);
          f.get(s).i32Const(1).i32Add().tee(s).get(shifts).i32LtS().brIf(S);
        });
        tileStore(f, tile, t);
        f.get(ip).i32Const(1).i32Add().tee(ip).get(mPanels).i32LtS().brIf(I);
      });
      f.get(jp).i32Const(1).i32Add().tee(jp).get(jp1).i32LtS().brIf(J);
    });
  });
  return f;
}
