/** The module every wasm engine instantiates: the GEMM `block` and the implicit-GEMM `conv` exports. */
import type { FunctionBuilder } from './function-builder.js';
import { type CONV_SIGNATURE, simdConvFunction } from './simd-conv-module.js';
import { type BLOCK_SIGNATURE, type SimdTile, simdGemmFunction } from './simd-gemm-module.js';
import { encodeModule, type MemoryImport } from './wasm-encoder.js';
import type { ExportFn } from './wasm-signature.js';
import { printWat } from './wat-printer.js';

function kernelFunctions(tile: SimdTile): FunctionBuilder[] {
  return [simdGemmFunction(tile), simdConvFunction(tile)];
}

/** Bytes of the module with both kernels for `tile`. */
export function simdKernelsModule(tile: SimdTile, memory: MemoryImport): Uint8Array {
  return encodeModule(kernelFunctions(tile), memory);
}

/** The same module as WebAssembly text (for reading, and the snapshot test). */
export function simdKernelsWat(tile: SimdTile, memory: MemoryImport): string {
  return printWat(kernelFunctions(tile), memory);
}

/** The generated GEMM export (see `simd-gemm-module.ts`); pointers in bytes. */
export type BlockFn = ExportFn<typeof BLOCK_SIGNATURE>;

/** The generated implicit-convolution export (see `simd-conv-module.ts`); pointers in bytes. */
export type ConvFn = ExportFn<typeof CONV_SIGNATURE>;
