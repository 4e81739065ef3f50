/**
 * `createGpuJsBackend`: matmul and the three convolution kernels on gpu.js in Node. Each backend object
 * owns one `GPU` instance (`gpujs-adapter.ts` loads gpu.js); the kernels, cache and description are
 * `gpuJsBackendOn` (`gpujs-backend.ts`), shared with the browser entry.
 */
import type { Backend } from '@gapkit/autodiff';
import { createGpu, type GpuJsMode, type GpuJsPrecision } from './gpujs-adapter.js';
import { gpuJsBackendOn } from './gpujs-backend.js';

export interface GpuJsBackendOptions {
  /** gpu.js mode; default `webasm` (the fastest gpu.js path on CPU-only machines). */
  readonly mode?: GpuJsMode;
  /** Default `single`; reported by describe(). */
  readonly precision?: GpuJsPrecision;
  /** Compiled kernels kept (LRU), default 64. */
  readonly cacheSize?: number;
}

/** A gapkit backend whose hot kernels run on gpu.js in `mode`. Throws if the mode is unavailable. */
export function createGpuJsBackend(options: GpuJsBackendOptions = {}): Backend {
  const mode = options.mode ?? 'webasm';
  return gpuJsBackendOn(createGpu(mode), { mode, precision: options.precision ?? 'single', cacheSize: options.cacheSize ?? 64 });
}
