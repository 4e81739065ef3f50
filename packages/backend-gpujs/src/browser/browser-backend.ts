/** Matmul and the three convolutions on a page's gpu.js: the shared backend (`../gpujs-backend.ts`) over a `browser-gpu.ts` handle. */
import type { Backend } from '@gapkit/autodiff';
import type { GpuJsPrecision } from '../gpu-handle.js';
import { gpuJsBackendOn } from '../gpujs-backend.js';
import { type BrowserGpuClass, type BrowserGpuJsMode, createBrowserGpu } from './browser-gpu.js';

/** `mode` default `webgl2`; `precision` default `single`; `cacheSize`: compiled kernels kept (LRU), default 64. */
export interface BrowserGpuJsBackendOptions {
  readonly mode?: BrowserGpuJsMode;
  readonly precision?: GpuJsPrecision;
  readonly cacheSize?: number;
}

/** A gapkit backend named `gpujs-<mode>` whose hot kernels run on the page's gpu.js. */
export function createBrowserGpuJsBackend(GPU: BrowserGpuClass, options: BrowserGpuJsBackendOptions = {}): Backend {
  const mode = options.mode ?? 'webgl2';
  return gpuJsBackendOn(createBrowserGpu(GPU, mode), { mode, precision: options.precision ?? 'single', cacheSize: options.cacheSize ?? 64 });
}
