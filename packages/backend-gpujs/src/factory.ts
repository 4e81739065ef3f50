/**
 * `createBackend(name)` for every backend gapkit has: the built-in ones of @gapkit/autodiff plus
 * `gpujs-<mode>`; `auto` here also calibrates gpu.js `webasm` against the cpu and wasm backends.
 */
import { autoCandidates, type Backend, type BuiltinBackendName, createAutoBackend, createBackend as createBuiltin } from '@gapkit/autodiff';
import { type GpuJsMode, GPUJS_MODES, isNativeGlLoadable, modeSupport } from './gpujs-adapter.js';
import { createGpuJsBackend } from './gpu.js';

/** Every backend name the CLI accepts. `gpujs` means `gpujs-webasm`. */
export type BackendName = BuiltinBackendName | 'gpujs' | `gpujs-${GpuJsMode}`;
export const BACKEND_NAMES: readonly BackendName[] = ['auto', 'cpu', 'cpu-reference', 'wasm', 'gpujs', ...GPUJS_MODES.map((m) => `gpujs-${m}` as const)];

/** Options for `auto`. */
export interface AutoOptions {
  /**
   * gpu.js among auto's candidates. `gpu-only` (default): offered (in mode `gpu`, to auto's startup
   * probe) only when a GPU-backed mode can exist here, i.e. the native `gl` package loads — gpu.js's
   * CPU modes measured 25–60× slower than the wasm backend and gpu.js costs ~20 MiB to load. `probe`:
   * offer gpujs-webasm to the probe regardless. `always`: calibrate every candidate without probing.
   * `never`: leave gpu.js out.
   */
  readonly gpujs?: 'gpu-only' | 'probe' | 'always' | 'never';
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
    const policy = auto.gpujs ?? 'gpu-only';
    let note: string;
    if (policy === 'never') note = 'left out (gpujs: never)';
    else if (policy === 'gpu-only' && !isNativeGlLoadable()) {
      note = 'not offered: no GPU-backed gpu.js mode here (the native `gl` package does not load); its CPU modes measured 25–60× slower than wasm';
    } else {
      const mode: GpuJsMode = policy === 'gpu-only' ? 'gpu' : 'webasm';
      const support = modeSupport(mode);
      note = support.supported ? `gpujs-${mode} offered (gpujs: ${policy})` : `unavailable: ${support.reason}`;
      if (support.supported) candidates.push(createGpuJsBackend({ mode }));
    }
    return createAutoBackend(candidates, { probe: policy !== 'always', notes: { 'auto.gpujs': note } });
  }
  return createBuiltin(name as BuiltinBackendName);
}
