/** The WebAssembly SIMD backends: gapkit-generated f32x4 GEMM micro-kernel under every hot kernel. */
import type { Backend } from '../backend.js';
import { packedKernels } from '../gemm/packed-kernels.js';
import { isWasmSimdSupported, SimdGemm } from './simd-gemm.js';
import { isThreadedWasmSupported, ThreadedWasm } from './threaded/threaded-wasm.js';

export { isWasmSimdSupported } from './simd-gemm.js';
export { isThreadedWasmSupported } from './threaded/threaded-wasm.js';

export interface WasmBackendOptions {
  /** 1 (default): main thread only. 2: main thread + one worker over shared wasm memory. */
  readonly threads?: 1 | 2;
}

/** A backend owning its wasm instance(s) and memory. Throws (no silent fallback) when unsupported. */
export function createWasmBackend(options: WasmBackendOptions = {}): Backend {
  if (!isWasmSimdSupported()) throw new Error('wasm backend: this runtime cannot compile WebAssembly SIMD (f32x4)');
  if ((options.threads ?? 1) === 2) {
    if (!isThreadedWasmSupported()) throw new Error('wasm-2t backend: needs shared WebAssembly memory, SharedArrayBuffer and worker_threads');
    const engine = new ThreadedWasm();
    return {
      name: 'wasm-2t',
      kernels: engine.kernels(),
      describe: () => ({
        implementation: `packed GEMM, im2col conv; ${engine.description}`,
        threads: '2',
        'wasm.memoryMiB': (engine.memoryBytes / 2 ** 20).toFixed(1),
        'wasm.worker': engine.workerReady ? 'running' : 'not started (yet)',
        'wasm.calls': `${engine.splitCalls} offered to both threads, ${engine.soloCalls} main thread only (small)`,
        'wasm.units': `main ${engine.mainUnits}, worker ${engine.workerUnits}`,
      }),
      dispose: () => engine.dispose(),
    };
  }
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
