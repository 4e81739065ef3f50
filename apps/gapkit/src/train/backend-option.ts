/**
 * `--backend NAME` for every command that computes: builds the backend (gpu.js ones through a dynamic
 * import of @gapkit/backend-gpujs, so a broken gpu.js install only disables those names), makes it
 * active, and returns a one-line description to print — the backend in use is never a secret.
 */
import { type Backend, BUILTIN_BACKEND_NAMES, type BuiltinBackendName, createBackend, describeBackend, setBackend } from '@gapkit/autodiff';
import { UsageError } from '../command.js';

export const BACKEND_CHOICES: readonly string[] = ['auto', 'cpu', 'cpu-reference', 'wasm', 'gpujs', 'gpujs-cpu', 'gpujs-webasm', 'gpujs-headlessgl'];

export async function activateBackend(name: string): Promise<{ backend: Backend; summary: string }> {
  if (!BACKEND_CHOICES.includes(name)) {
    throw new UsageError(`--backend must be one of ${BACKEND_CHOICES.join(', ')}, got '${name}'`);
  }
  let backend: Backend;
  if (name.startsWith('gpujs') || name === 'auto') {
    const gpujs = await import('@gapkit/backend-gpujs');
    backend = gpujs.createBackend(name as Parameters<typeof gpujs.createBackend>[0]);
  } else if ((BUILTIN_BACKEND_NAMES as readonly string[]).includes(name)) {
    backend = createBackend(name as BuiltinBackendName);
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
