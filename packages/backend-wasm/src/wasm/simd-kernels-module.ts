/** The module every wasm engine instantiates: the GEMM `block` and the implicit-GEMM `conv` exports. */
import { simdConvBody } from './simd-conv-module.js';
import { type SimdTile, simdGemmBody } from './simd-gemm-module.js';
import { encodeModule, I32 } from './wasm-encoder.js';

/** Bytes of the module with both kernels for `tile`. */
export function simdKernelsModule(tile: SimdTile, memory: { shared: boolean; maximumPages: number }): Uint8Array {
  const gemm = simdGemmBody(tile);
  const conv = simdConvBody(tile);
  return encodeModule(
    [
      { name: 'block', params: new Array<number>(10).fill(I32), locals: gemm.locals, body: gemm.body },
      { name: 'conv', params: new Array<number>(12).fill(I32), locals: conv.locals, body: conv.body },
    ],
    memory,
  );
}

/** The generated GEMM export (see `simd-gemm-module.ts`); pointers in bytes. */
export type BlockFn = (
  aPtr: number, bPtr: number, cPtr: number, mPanels: number, jp0: number, jp1: number,
  k: number, kc: number, ldc: number, accumulate: number,
) => void;

/** The generated implicit-convolution export (see `simd-conv-module.ts`); pointers in bytes. */
export type ConvFn = (
  aPtr: number, bPtr: number, cPtr: number, mPanels: number, jp0: number, jp1: number,
  channels: number, planeBytes: number, offPtr: number, shifts: number, ldc: number, accumulate: number,
) => void;
