/**
 * `createBackend(name)` for every backend gapkit has: the built-in ones of @gapkit/autodiff plus
 * `gpujs-<mode>`; `auto` here also calibrates gpu.js `webasm` against the cpu and wasm backends.
 */
import { autoCandidates, type Backend, type BuiltinBackendName, createAutoBackend, createBackend as createBuiltin } from '@gapkit/autodiff';
import { type GpuJsMode, GPUJS_MODES, modeSupport } from './gpujs-adapter.js';
import { createGpuJsBackend } from './gpu.js';

/** Every backend name the CLI accepts. `gpujs` means `gpujs-webasm`. */
export type BackendName = BuiltinBackendName | 'gpujs' | `gpujs-${GpuJsMode}`;
export const BACKEND_NAMES: readonly BackendName[] = ['auto', 'cpu', 'cpu-reference', 'wasm', 'gpujs', ...GPUJS_MODES.map((m) => `gpujs-${m}` as const)];

/** Options for `auto`. */
export interface AutoOptions {
  /**
   * gpu.js (webasm) among auto's candidates: `probe` (default) offers it to auto's startup probe, which
   * keeps only candidates within 2× of the best on a small matmul or conv; `always` calibrates every
   * candidate without probing; `never` leaves gpu.js out.
   */
  readonly gpujs?: 'probe' | 'always' | 'never';
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
    const candidates = autoCandidates();
    const policy = auto.gpujs ?? 'probe';
    const support = modeSupport('webasm');
    const note = policy === 'never' ? 'left out (gpujs: never)' : support.supported ? `offered (gpujs: ${policy})` : `unavailable: ${support.reason}`;
    if (policy !== 'never' && support.supported) candidates.push(createGpuJsBackend({ mode: 'webasm' }));
    return createAutoBackend(candidates, { probe: policy !== 'always', notes: { 'auto.gpujs-webasm': note } });
  }
  return createBuiltin(name as BuiltinBackendName);
}
