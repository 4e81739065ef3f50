/**
 * `createGpuJsBackend`: matmul and the three convolution kernels on gpu.js. Each backend object owns
 * one `GPU` instance; kernels are compiled once per shape (shapes are constants, so every loop is
 * bounded by a constant) and cached; `dispose()` destroys the kernels and the `GPU`.
 */
import type { Backend, Conv2dGeometry, Kernels, MatmulOptions } from '@gapkit/autodiff';
import { createGpu, type GpuJsMode, type GpuJsPrecision, type KernelBody } from './gpujs-adapter.js';
import { KernelCache } from './kernel-cache.js';
import { type ConvConstants, convConstants } from './kernels/conv-constants.js';
import { conv2dBackpropFilterKernel } from './kernels/conv2d-backprop-filter.kernel.js';
import { conv2dBackpropInputKernel } from './kernels/conv2d-backprop-input.kernel.js';
import { conv2dKernel } from './kernels/conv2d.kernel.js';
import { type MatmulConstants, matmulKernel } from './kernels/matmul.kernel.js';

export interface GpuJsBackendOptions {
  /** gpu.js mode; default `webasm` (the fastest gpu.js path on CPU-only machines). */
  readonly mode?: GpuJsMode;
  /** Default `single`; reported by describe(). */
  readonly precision?: GpuJsPrecision;
  /** Compiled kernels kept (LRU). */
  readonly cacheSize?: number;
}

function geometryKey(g: Conv2dGeometry): string {
  const c = convConstants(g);
  return Object.values(c).join(',');
}

/** A gapkit backend whose hot kernels run on gpu.js in `mode`. Throws if the mode is unavailable. */
export function createGpuJsBackend(options: GpuJsBackendOptions = {}): Backend {
  const mode = options.mode ?? 'webasm';
  const precision = options.precision ?? 'single';
  const gpu = createGpu(mode);
  const cache = new KernelCache(options.cacheSize ?? 64);
  let disposed = false;

  function run<C extends Record<string, number>>(name: string, body: KernelBody<C>, constants: C, key: string, outLength: number, args: Float32Array[]): Float32Array {
    if (disposed) throw new Error(`gpujs-${mode} backend used after dispose()`);
    if (outLength === 0) return new Float32Array(0);
    const k = cache.get(`${name}:${key}`, () => gpu.compile(body, outLength, constants, precision));
    const out = k.run(...args);
    if (out.length !== outLength) throw new Error(`gpujs ${name}: got ${out.length} values, expected ${outLength}`);
    return out;
  }

  const kernels: Pick<Kernels, 'matmul' | 'conv2d' | 'conv2dBackpropInput' | 'conv2dBackpropFilter'> = {
    matmul(a, b, m, k, n, opts: MatmulOptions = {}) {
      const c: MatmulConstants = { M: m, K: k, N: n, TA: opts.transA ? 1 : 0, TB: opts.transB ? 1 : 0 };
      // gpu.js cannot take an empty array argument; a zero-length reduction is all zeros anyway.
      if (k === 0) return new Float32Array(m * n);
      return run('matmul', matmulKernel, c, Object.values(c).join(','), m * n, [a, b]);
    },
    conv2d(x, w, g) {
      const n = g.batch * g.outChannels * g.outHeight * g.outWidth;
      return run<ConvConstants>('conv2d', conv2dKernel, convConstants(g), geometryKey(g), n, [x, w]);
    },
    conv2dBackpropInput(dy, w, g) {
      const n = g.batch * g.inChannels * g.inHeight * g.inWidth;
      return run<ConvConstants>('conv2dBackpropInput', conv2dBackpropInputKernel, convConstants(g), geometryKey(g), n, [dy, w]);
    },
    conv2dBackpropFilter(x, dy, g) {
      const n = g.outChannels * g.inChannels * g.kernelH * g.kernelW;
      return run<ConvConstants>('conv2dBackpropFilter', conv2dBackpropFilterKernel, convConstants(g), geometryKey(g), n, [x, dy]);
    },
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
