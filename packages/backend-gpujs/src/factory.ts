/**
 * `createBackend(name)` for every backend gapkit has: the built-in ones of @gapkit/autodiff plus
 * `gpujs-<mode>`; `auto` here also calibrates gpu.js `webasm` against the cpu and wasm backends.
 */
import { autoCandidates, type Backend, type BuiltinBackendName, createAutoBackend, createBackend as createBuiltin } from '@gapkit/autodiff';
import { type GpuJsMode, GPUJS_MODES, modeSupport } from './gpujs-adapter.js';
import { createGpuJsBackend } from './gpu.js';
import { probeGpuJs } from './gpujs-probe.js';

/** Every backend name the CLI accepts. `gpujs` means `gpujs-webasm`. */
export type BackendName = BuiltinBackendName | 'gpujs' | `gpujs-${GpuJsMode}`;
export const BACKEND_NAMES: readonly BackendName[] = ['auto', 'cpu', 'cpu-reference', 'wasm', 'gpujs', ...GPUJS_MODES.map((m) => `gpujs-${m}` as const)];

/** Options for `auto`. */
export interface AutoOptions {
  /**
   * gpu.js (webasm) among auto's candidates: `probe` (default) keeps it only if a quick startup probe
   * finds it within 2× of the best built-in backend; `always` / `never` skip the probe.
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
    let note = policy === 'never' ? 'gpujs-webasm left out (gpujs: never)' : `gpujs-webasm unavailable: ${support.reason}`;
    if (policy !== 'never' && support.supported) {
      const gpujs = createGpuJsBackend({ mode: 'webasm' });
      const verdict = policy === 'always' ? { keep: true, note: 'gpujs-webasm kept (gpujs: always)' } : probeGpuJs(gpujs, candidates);
      note = verdict.note;
      if (verdict.keep) candidates.push(gpujs);
      else gpujs.dispose();
    }
    return createAutoBackend(candidates, { notes: { 'auto.gpujs': note } });
  }
  return createBuiltin(name as BuiltinBackendName);
}
