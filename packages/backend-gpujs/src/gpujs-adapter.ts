/**
 * Node's way to gpu.js: loads its CommonJS build with createRequire and checks which modes this
 * process can run (`wrapGpu` in gpu-handle.ts gives the narrow view everything else sees). gpu.js is
 * loaded on first use (it costs ~20 MiB of RSS), so importing this package is free until a gpu.js
 * backend is asked for.
 */
import { createRequire } from 'node:module';

import { type GpuHandle, type RawGpu, wrapGpu } from './gpu-handle.js';
import type { GpuJsMode } from './names/index.js';

export { GPUJS_MODES, type GpuJsMode } from './names/index.js';

export type { CompiledKernel, GpuHandle, GpuJsPrecision, KernelBody, KernelThis } from './gpu-handle.js';

interface RawGpuStatic {
  new (settings: { mode: string }): RawGpu;
  readonly isHeadlessGLSupported: boolean;
  readonly isWebAssemblySupported: boolean;
}

let gpuCtor: RawGpuStatic | null = null;

/** gpu.js's `GPU` class, loaded on first use (gpu.js is a CommonJS package). */
function GPU(): RawGpuStatic {
  gpuCtor ??= (createRequire(import.meta.url)('gpu.js') as { GPU: unknown }).GPU as RawGpuStatic;
  return gpuCtor;
}

/**
 * Whether a GPU-backed gpu.js mode can exist in this Node process: the optional native `gl` package
 * (headless-gl) must load. Checked without loading gpu.js itself.
 */
export function isNativeGlLoadable(): boolean {
  try {
    const req = createRequire(createRequire(import.meta.url).resolve('gpu.js'));
    req('gl');
    return true;
  } catch {
    return false;
  }
}

/** Whether this runtime can run `mode` (and, if not, why). */
export function modeSupport(mode: GpuJsMode): { supported: boolean; reason: string } {
  switch (mode) {
    case 'cpu':
    case 'gpu':
      return { supported: true, reason: '' };
    case 'webasm':
      return GPU().isWebAssemblySupported
        ? { supported: true, reason: '' }
        : { supported: false, reason: 'gpu.js reports isWebAssemblySupported = false' };
    case 'headlessgl':
      return GPU().isHeadlessGLSupported
        ? { supported: true, reason: '' }
        : {
            supported: false,
            reason: 'gpu.js reports isHeadlessGLSupported = false (the native `gl` package is not built, or no X display: run under xvfb-run)',
          };
  }
}

/** A fresh gpu.js `GPU` in `mode`; throws when the mode is unsupported (no silent fallback). */
export function createGpu(mode: GpuJsMode): GpuHandle {
  const support = modeSupport(mode);
  if (!support.supported) throw new Error(`gpu.js mode '${mode}' is not available here: ${support.reason}`);
  const Ctor = GPU();
  return wrapGpu(new Ctor({ mode }));
}
