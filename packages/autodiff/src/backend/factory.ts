/** `createBackend(name)`: the one place that turns a backend name (CLI flag, config) into a backend. */
import { createAutoBackend } from './auto/auto-backend.js';
import type { Backend } from './backend.js';
import { cpuBackend, cpuReferenceBackend } from './cpu/index.js';
import { createWasmBackend, isWasmSimdSupported } from './wasm/index.js';

/** Backends built into @gapkit/autodiff (gpu.js backends live in @gapkit/backend-gpujs). */
export type BuiltinBackendName = 'cpu' | 'cpu-reference' | 'wasm' | 'auto';
export const BUILTIN_BACKEND_NAMES: readonly BuiltinBackendName[] = ['cpu', 'cpu-reference', 'wasm', 'auto'];

/**
 * A fresh backend by name. `auto` calibrates between `cpu` and (when the runtime has wasm SIMD)
 * `wasm` per kernel and size. Unknown names throw; nothing falls back silently.
 */
export function createBackend(name: BuiltinBackendName): Backend {
  switch (name) {
    case 'cpu':
      return cpuBackend;
    case 'cpu-reference':
      return cpuReferenceBackend;
    case 'wasm':
      return createWasmBackend();
    case 'auto':
      return createAutoBackend(isWasmSimdSupported() ? [cpuBackend, createWasmBackend()] : [cpuBackend]);
    default: {
      const unknown: never = name;
      throw new Error(`createBackend: unknown backend '${String(unknown)}' (expected ${BUILTIN_BACKEND_NAMES.join(', ')})`);
    }
  }
}
