/**
 * The gpu.js backend over any `GpuHandle`: matmul and the three convolution kernels, compiled once per
 * shape (shapes are constants, so every loop is bounded by a constant) and cached (LRU);
 * `dispose()` destroys the kernels and the `GPU`. Browser-safe: Node (`gpu.ts`) and pages
 * (`browser/browser-backend.ts`) only differ in how they create the handle.
 */
import type { Backend, Conv2dGeometry, Kernels, MatmulOptions } from '@gapkit/autodiff';
import type { GpuHandle, GpuJsPrecision, KernelBody } from './gpu-handle.js';
import { KernelCache } from './kernel-cache.js';
import { type ConvConstants, convConstants } from './kernels/conv-constants.js';
import { conv2dBackpropFilterKernel } from './kernels/conv2d-backprop-filter.kernel.js';
import { conv2dBackpropInputKernel } from './kernels/conv2d-backprop-input.kernel.js';
import { conv2dKernel } from './kernels/conv2d.kernel.js';
import { type MatmulConstants, matmulKernel } from './kernels/matmul.kernel.js';

export interface GpuJsBackendSettings {
  /** The mode asked for (the backend is named `gpujs-<mode>`). */
  readonly mode: string;
  readonly precision: GpuJsPrecision;
  /** Compiled kernels kept (LRU). */
  readonly cacheSize: number;
}

/** A gapkit backend whose hot kernels run on `gpu`. */
export function gpuJsBackendOn(gpu: GpuHandle, { mode, precision, cacheSize }: GpuJsBackendSettings): Backend {
  const cache = new KernelCache(cacheSize);
  let disposed = false;

  function run<C extends Record<string, number>>(name: string, body: KernelBody<C>, constants: C, outLength: number, args: Float32Array[]): Float32Array {
    if (disposed) throw new Error(`gpujs-${mode} backend used after dispose()`);
    if (outLength === 0) return new Float32Array(0);
    const k = cache.get(`${name}:${Object.values(constants).join(',')}`, () => gpu.compile(body, outLength, constants, precision));
    const out = k.run(...args);
    if (out.length !== outLength) throw new Error(`gpujs ${name}: got ${out.length} values, expected ${outLength}`);
    return out;
  }
  const conv =
    (name: string, body: KernelBody<ConvConstants>, outLength: (g: Conv2dGeometry) => number): NonNullable<Kernels['conv2d']> =>
    (a, b, g) =>
      run(name, body, convConstants(g), outLength(g), [a, b]);

  const kernels: Pick<Kernels, 'matmul' | 'conv2d' | 'conv2dBackpropInput' | 'conv2dBackpropFilter'> = {
    matmul(a, b, m, k, n, opts: MatmulOptions = {}) {
      const c: MatmulConstants = { M: m, K: k, N: n, TA: opts.transA ? 1 : 0, TB: opts.transB ? 1 : 0 };
      // gpu.js cannot take an empty array argument; a zero-length reduction is all zeros anyway.
      return k === 0 ? new Float32Array(m * n) : run('matmul', matmulKernel, c, m * n, [a, b]);
    },
    conv2d: conv('conv2d', conv2dKernel, (g) => g.batch * g.outChannels * g.outHeight * g.outWidth),
    conv2dBackpropInput: conv('conv2dBackpropInput', conv2dBackpropInputKernel, (g) => g.batch * g.inChannels * g.inHeight * g.inWidth),
    conv2dBackpropFilter: conv('conv2dBackpropFilter', conv2dBackpropFilterKernel, (g) => g.outChannels * g.inChannels * g.kernelH * g.kernelW),
  };

  return {
    name: `gpujs-${mode}`,
    kernels,
    describe() {
      const out: Record<string, string> = {
        'gpujs.requestedMode': mode,
        'gpujs.mode': gpu.mode,
        'gpujs.precision': precision,
        'gpujs.cachedKernels': String(cache.size),
        'gpujs.compiles': String(cache.compiles),
      };
      const executors = new Set<string>();
      for (const [key, k] of cache.values()) {
        executors.add(k.executor());
        const reason = k.fallbackReason();
        if (reason !== null) out[`gpujs.fallback.${key}`] = `WARNING: gpu.js ran this kernel on its cpu backend: ${reason}`;
      }
      out['gpujs.executors'] = [...executors].join(', ') || 'none yet';
      return out;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      cache.clear();
      gpu.destroy();
    },
  };
}
