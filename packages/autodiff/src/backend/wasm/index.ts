/** The WebAssembly SIMD backend: gapkit-generated f32x4 GEMM micro-kernel under every hot kernel. */
import type { Backend } from '../backend.js';
import { packedKernels } from '../gemm/packed-kernels.js';
import { isWasmSimdSupported, SimdGemm } from './simd-gemm.js';

export { isWasmSimdSupported } from './simd-gemm.js';

/** A backend owning one wasm instance and its memory. Throws (no silent fallback) without wasm SIMD. */
export function createWasmBackend(): Backend {
  if (!isWasmSimdSupported()) throw new Error('wasm backend: this runtime cannot compile WebAssembly SIMD (f32x4)');
  const engine = new SimdGemm();
  return {
    name: 'wasm',
    kernels: packedKernels(engine),
    describe: () => ({
      implementation: `packed GEMM, im2col conv; ${engine.description}`,
      threads: '1',
      'wasm.memoryMiB': (engine.memoryBytes / 2 ** 20).toFixed(1),
    }),
    dispose: () => {},
  };
}
