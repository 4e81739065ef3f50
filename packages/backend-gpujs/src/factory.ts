/**
 * `createBackend(name)` for every backend gapkit has: the built-in ones of @gapkit/autodiff plus
 * `gpujs-<mode>`; `auto` here also calibrates gpu.js `webasm` against the cpu and wasm backends.
 */
import { type Backend, type BuiltinBackendName, createAutoBackend, cpuBackend, createBackend as createBuiltin, createWasmBackend, isWasmSimdSupported } from '@gapkit/autodiff';
import { type GpuJsMode, GPUJS_MODES, modeSupport } from './gpujs-adapter.js';
import { createGpuJsBackend } from './gpu.js';

/** Every backend name the CLI accepts. `gpujs` means `gpujs-webasm`. */
export type BackendName = BuiltinBackendName | 'gpujs' | `gpujs-${GpuJsMode}`;
export const BACKEND_NAMES: readonly BackendName[] = ['auto', 'cpu', 'cpu-reference', 'wasm', 'gpujs', ...GPUJS_MODES.map((m) => `gpujs-${m}` as const)];

/** Options for `auto`. */
export interface AutoOptions {
  /** Include gpu.js (webasm) among auto's candidates. Default true when webasm is available. */
  readonly includeGpuJs?: boolean;
}

/** A fresh backend by name; throws on unknown names and unavailable modes (never falls back silently). */
export function createBackend(name: BackendName, auto: AutoOptions = {}): Backend {
  if (name === 'gpujs') return createGpuJsBackend({ mode: 'webasm' });
  if (name.startsWith('gpujs-')) {
    const mode = name.slice('gpujs-'.length) as GpuJsMode;
    if (!GPUJS_MODES.includes(mode)) throw new Error(`createBackend: unknown gpu.js mode '${mode}' (expected ${GPUJS_MODES.join(', ')})`);
    return createGpuJsBackend({ mode });
  }
  if (name === 'auto') {
    const candidates: Backend[] = [cpuBackend];
    if (isWasmSimdSupported()) candidates.push(createWasmBackend());
    if ((auto.includeGpuJs ?? true) && modeSupport('webasm').supported) candidates.push(createGpuJsBackend({ mode: 'webasm' }));
    return createAutoBackend(candidates);
  }
  return createBuiltin(name as BuiltinBackendName);
}
