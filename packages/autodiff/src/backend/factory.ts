/** `createBackend(name)`: the one place that turns a backend name (CLI flag, config) into a backend. */
import { createAutoBackend } from './auto/auto-backend.js';
import type { Backend } from './backend.js';
import { cpuBackend, cpuReferenceBackend } from './cpu/index.js';
import { createWasmBackend, isThreadedWasmSupported, isWasmSimdSupported, threadedWasmBackends } from './wasm/index.js';
import { ThreadedWasm } from './wasm/threaded/threaded-wasm.js';

/** Backends built into @gapkit/autodiff (gpu.js backends live in @gapkit/backend-gpujs). */
export type BuiltinBackendName = 'cpu' | 'cpu-reference' | 'wasm' | 'wasm-2t' | 'auto';
export const BUILTIN_BACKEND_NAMES: readonly BuiltinBackendName[] = ['cpu', 'cpu-reference', 'wasm', 'wasm-2t', 'auto'];

/**
 * A fresh backend by name. `auto` calibrates between `cpu`, `wasm` and `wasm-2t` (those the runtime
 * supports) per kernel and size. Unknown names throw; nothing falls back silently.
 */
export function createBackend(name: BuiltinBackendName): Backend {
  switch (name) {
    case 'cpu':
      return cpuBackend;
    case 'cpu-reference':
      return cpuReferenceBackend;
    case 'wasm':
      return createWasmBackend();
    case 'wasm-2t':
      return createWasmBackend({ threads: 2 });
    case 'auto':
      return createAutoBackend(autoCandidates());
    default: {
      const unknown: never = name;
      throw new Error(`createBackend: unknown backend '${String(unknown)}' (expected ${BUILTIN_BACKEND_NAMES.join(', ')})`);
    }
  }
}

/**
 * The built-in backends `auto` chooses from on this runtime (cpu first: the fallback). With threads,
 * `wasm` and `wasm-2t` are two views of one engine (one wasm memory instead of two).
 */
export function autoCandidates(): Backend[] {
  const out: Backend[] = [cpuBackend];
  if (isThreadedWasmSupported()) {
    const pair = threadedWasmBackends(new ThreadedWasm());
    out.push(pair.oneThread, pair.twoThreads);
  } else if (isWasmSimdSupported()) out.push(createWasmBackend());
  return out;
}
