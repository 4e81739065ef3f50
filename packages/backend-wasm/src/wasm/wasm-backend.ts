/** The WebAssembly SIMD backends: gapkit-generated f32x4 GEMM micro-kernel under every hot kernel. */
import { type Backend, packedKernels } from '@gapkit/autodiff';
import { isThreadedWasmSupported, ThreadedWasm, threadedWasmUnsupportedReason } from '../threaded/threaded-wasm.js';
import { implicitConv2d, implicitConv2dBackpropFilter, implicitConv2dBackpropInput, implicitConvApplies, implicitConvPays } from './implicit-conv.js';
import { isWasmSimdSupported, SimdGemm } from './simd-gemm.js';

export { isThreadedWasmSupported, threadedWasmUnsupportedReason } from '../threaded/threaded-wasm.js';
export { isWasmSimdSupported } from './simd-gemm.js';

export interface WasmBackendOptions {
  /**
   * 1 (default): main thread only. 2: main thread + one worker over shared wasm memory. In a browser
   * page that is not cross-origin isolated there is no shared memory: `wasm-2t` then runs on one
   * thread and its `describe()` says so; elsewhere a missing thread host is an error.
   */
  readonly threads?: 1 | 2;
}

/** True in a browser page or worker (where a missing thread host means one thread, not an error). */
function inBrowser(): boolean {
  return 'document' in globalThis || 'WorkerGlobalScope' in globalThis;
}

/** A backend owning its wasm instance(s) and memory. Throws (no silent fallback) when unsupported. */
export function createWasmBackend(options: WasmBackendOptions = {}): Backend {
  if (!isWasmSimdSupported()) throw new Error('wasm backend: this runtime cannot compile WebAssembly SIMD (f32x4)');
  if ((options.threads ?? 1) === 2) {
    if (isThreadedWasmSupported()) return threadedWasmBackends(new ThreadedWasm()).twoThreads;
    const reason = threadedWasmUnsupportedReason() ?? 'unknown';
    if (!inBrowser()) throw new Error(`wasm-2t backend: ${reason}`);
    const one = singleThreadWasm('wasm-2t');
    return { ...one, describe: () => ({ ...one.describe(), threads: `1 (${reason})` }) };
  }
  return singleThreadWasm('wasm');
}

function singleThreadWasm(name: string): Backend {
  const engine = new SimdGemm();
  const packed = packedKernels(engine);
  let implicitCalls = 0;
  let im2colCalls = 0;
  const pick = <A extends unknown[]>(use: boolean, implicit: (...a: A) => Float32Array, viaIm2col: (...a: A) => Float32Array, ...args: A) => {
    if (use) {
      implicitCalls++;
      return implicit(...args);
    }
    im2colCalls++;
    return viaIm2col(...args);
  };
  return {
    name,
    kernels: {
      matmul: packed.matmul,
      conv2d: (x, w, g) => pick(implicitConvPays(g), (...a) => implicitConv2d(engine, ...a), packed.conv2d, x, w, g),
      conv2dBackpropInput: (dy, w, g) => pick(implicitConvPays(g), (...a) => implicitConv2dBackpropInput(engine, ...a), packed.conv2dBackpropInput, dy, w, g),
      conv2dBackpropFilter: (x, dy, g) => pick(implicitConvApplies(g), (...a) => implicitConv2dBackpropFilter(engine, ...a), packed.conv2dBackpropFilter, x, dy, g),
    },
    describe: () => ({
      implementation: `packed GEMM; conv: implicit GEMM on padded planes (stride 1), im2col otherwise; ${engine.description}`,
      'conv.calls': `${implicitCalls} implicit, ${im2colCalls} im2col`,
      threads: '1',
      'wasm.memoryMiB': (engine.memoryBytes / 2 ** 20).toFixed(1),
    }),
    dispose: () => {},
  };
}

/**
 * Two backends over one two-thread engine (one shared memory): `wasm-2t`, and `wasm` whose calls run
 * on the main thread only. `auto` uses the pair so calibrating both costs no second wasm memory.
 * The engine is disposed when both have been: auto's start-up probe may drop one of the pair (and
 * dispose it) while keeping the other.
 */
export function threadedWasmBackends(engine: ThreadedWasm): { oneThread: Backend; twoThreads: Backend } {
  const facts = (threads: string): Record<string, string> => ({
    implementation: `packed GEMM; ${engine.description}`,
    threads,
    'wasm.memoryMiB': (engine.memoryBytes / 2 ** 20).toFixed(1),
    'wasm.worker': engine.workerFailure !== undefined
      ? `failed (${engine.threadKind}): ${engine.workerFailure}`
      : engine.workerReady ? `running (${engine.threadKind})` : `not started (yet) (${engine.threadKind})`,
    'wasm.calls': `${engine.splitCalls} offered to both threads, ${engine.soloCalls} main thread only`,
    'wasm.units': `main ${engine.mainUnits}, worker ${engine.workerUnits}`,
  });
  const live = new Set(['wasm', 'wasm-2t']);
  const release = (name: string) => () => {
    live.delete(name);
    if (live.size === 0) engine.dispose();
  };
  return {
    oneThread: { name: 'wasm', kernels: engine.kernels(false), describe: () => facts('1 (main thread of the shared two-thread engine)'), dispose: release('wasm') },
    twoThreads: { name: 'wasm-2t', kernels: engine.kernels(true), describe: () => facts(`2 (main + ${engine.threadKind})`), dispose: release('wasm-2t') },
  };
}
