/**
 * `--backend NAME` for every command that computes: builds the backend (gpu.js ones, and `auto`, which
 * may offer gpu.js, through a dynamic import of @gapkit/backend-gpujs, so a broken gpu.js install only
 * disables those names), makes it active, and returns a one-line description to print — the backend in
 * use is never a secret. `auto` takes a saved plan back (`options.plan`) to rerun on the same kernels.
 */
import { type Backend, type BackendPlan, describeBackend, setBackend } from '@gapkit/autodiff';
import { BACKEND_NAMES } from '@gapkit/backend-gpujs/names';
import { createBackend, isBackendName } from '@gapkit/backend-wasm/node';
import { UsageError } from '../command.js';

export const BACKEND_CHOICES: readonly string[] = BACKEND_NAMES;

export interface ActivateBackendOptions {
  /** `auto` only: the plan of an earlier run (`backend.plan()`), so the same kernels serve every size class. */
  readonly plan?: BackendPlan;
}

export async function activateBackend(name: string, options: ActivateBackendOptions = {}): Promise<{ backend: Backend; summary: string }> {
  if (!BACKEND_CHOICES.includes(name)) {
    throw new UsageError(`--backend must be one of ${BACKEND_CHOICES.join(', ')}, got '${name}'`);
  }
  if (options.plan !== undefined && name !== 'auto') throw new UsageError(`a backend plan is for --backend auto, not '${name}'`);
  let backend: Backend;
  if (name.startsWith('gpujs') || name === 'auto') {
    const gpujs = await import('@gapkit/backend-gpujs');
    backend = gpujs.createBackend(name as Parameters<typeof gpujs.createBackend>[0], { plan: options.plan });
  } else if (isBackendName(name)) {
    backend = createBackend(name);
  } else {
    throw new UsageError(`--backend '${name}' is not available here`);
  }
  setBackend(backend);
  const d = describeBackend();
  const kernels = Object.entries(d)
    .filter(([k]) => k.startsWith('kernel.'))
    .map(([k, v]) => `${k.slice('kernel.'.length)}=${v}`)
    .join(', ');
  return { backend, summary: `backend ${d.backend}${kernels ? ` (${kernels})` : ''}` };
}
