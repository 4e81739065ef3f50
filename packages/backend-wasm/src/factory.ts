/**
 * `createBackend(name)`: the one place that turns a backend name (CLI flag, config) into a backend,
 * and `BACKEND_NAMES`, the one list of those names (@gapkit/backend-gpujs extends it with gpu.js's).
 */
import { type Backend, type BackendPlan, cpuBackend, cpuReferenceBackend } from '@gapkit/autodiff';
import { createAutoBackend } from './auto/auto-backend.js';
import { ThreadedWasm } from './threaded/threaded-wasm.js';
import { createWasmBackend, isThreadedWasmSupported, isWasmSimdSupported, threadedWasmBackends } from './wasm/wasm-backend.js';

/** Every backend this package builds, `auto` (the apps' default) first. */
export const BACKEND_NAMES = ['auto', 'cpu', 'cpu-reference', 'wasm', 'wasm-2t'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export interface CreateBackendOptions {
  /** `auto` only: the choices of an earlier run's `backend.plan()` (see `AutoBackendOptions.plan`). */
  readonly plan?: BackendPlan;
}

/**
 * A fresh backend by name. `auto` calibrates between `cpu`, `wasm` and `wasm-2t` (those the runtime
 * supports) per kernel and size, or follows `options.plan`. Unknown names throw; nothing falls back
 * silently.
 */
export function createBackend(name: BackendName, options: CreateBackendOptions = {}): Backend {
  if (options.plan !== undefined && name !== 'auto') throw new Error(`createBackend: a plan is for 'auto', not '${name}'`);
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
      return createAutoBackend(autoCandidates(), { plan: options.plan });
    default: {
      const unknown: never = name;
      throw new Error(`createBackend: unknown backend '${String(unknown)}' (expected ${BACKEND_NAMES.join(', ')})`);
    }
  }
}

/** True when `name` is one of `BACKEND_NAMES`. */
export function isBackendName(name: string): name is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(name);
}

/**
 * The backends `auto` chooses from on this runtime (cpu first: the fallback). With threads, `wasm`
 * and `wasm-2t` are two views of one engine (one wasm memory instead of two).
 */
export function autoCandidates(): Backend[] {
  const out: Backend[] = [cpuBackend];
  if (isThreadedWasmSupported()) {
    const pair = threadedWasmBackends(new ThreadedWasm());
    out.push(pair.oneThread, pair.twoThreads);
  } else if (isWasmSimdSupported()) out.push(createWasmBackend());
  return out;
}
