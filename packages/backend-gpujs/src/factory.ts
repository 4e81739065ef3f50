/**
 * `createBackend(name)` for every backend gapkit has: @gapkit/backend-wasm's (auto, cpu,
 * cpu-reference, wasm, wasm-2t) plus `gpujs-<mode>`; `auto` here can also calibrate gpu.js against
 * the cpu and wasm backends, and follows a plan that names a gpu.js backend.
 */
import type { Backend, BackendPlan } from '@gapkit/autodiff';
import { autoCandidates, createAutoBackend, createBackend as createWasmPackageBackend, isBackendName } from '@gapkit/backend-wasm/node';
import { createGpuJsBackend } from './gpu.js';
import { isNativeGlLoadable, modeSupport } from './gpujs-adapter.js';
import { type BackendName, GPUJS_MODES, type GpuJsMode } from './names/index.js';

export { BACKEND_NAMES, type BackendName, GPUJS_BACKEND_NAMES, type GpuJsBackendName } from './names/index.js';

/** Options for `auto`. */
export interface AutoOptions {
  /**
   * gpu.js among auto's candidates. `gpu-only` (default): offered (in mode `gpu`, to auto's startup
   * probe) only when a GPU-backed mode can exist here, i.e. the native `gl` package loads — gpu.js's
   * CPU modes measured 25–60× slower than the wasm backend and gpu.js costs ~20 MiB to load. `probe`:
   * offer gpujs-webasm to the probe regardless. `always`: calibrate every candidate without probing.
   * `never`: leave gpu.js out. With a `plan`, exactly the gpu.js backends the plan names are offered.
   */
  readonly gpujs?: 'gpu-only' | 'probe' | 'always' | 'never';
  /** The choices of an earlier run's `backend.plan()`: those size classes, untimed, on those backends. */
  readonly plan?: BackendPlan;
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
    if (auto.plan !== undefined) {
      for (const backend of new Set(Object.values(auto.plan))) {
        const mode = backend.startsWith('gpujs-') ? (backend.slice('gpujs-'.length) as GpuJsMode) : undefined;
        if (mode !== undefined && GPUJS_MODES.includes(mode) && modeSupport(mode).supported) candidates.push(createGpuJsBackend({ mode }));
      }
      return createAutoBackend(candidates, { plan: auto.plan });
    }
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
  if (!isBackendName(name)) throw new Error(`createBackend: unknown backend '${String(name)}'`);
  return createWasmPackageBackend(name);
}
