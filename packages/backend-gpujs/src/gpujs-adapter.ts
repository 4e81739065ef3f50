/**
 * The one place that touches gpu.js's loosely typed API. Everything else in this package sees the
 * narrow types below: flat Float32Array (or number) arguments in, a flat Float32Array out. gpu.js is
 * loaded on first use (it costs ~20 MiB of RSS), so importing this package is free until a gpu.js
 * backend is asked for.
 */
import { createRequire } from 'node:module';

import type { GpuJsMode } from './names/index.js';

export { GPUJS_MODES, type GpuJsMode } from './names/index.js';

/** Precision gpu.js computes in on GL devices (cpu/webasm always compute in float32/float64). */
export type GpuJsPrecision = 'single' | 'unsigned';

/** Kernel-side view of `this` in a gpu.js kernel body. */
export interface KernelThis<C> {
  readonly thread: { readonly x: number };
  readonly constants: C;
}

/** A kernel body as gpu.js receives it: a plain `function`, reading `this.thread.x` and constants. */
export type KernelBody<C> = (this: KernelThis<C>, ...args: Float32Array[]) => number;

/** A compiled kernel for one shape. */
export interface CompiledKernel {
  run(...args: Float32Array[]): Float32Array;
  /** The backend class that executes it (e.g. `WebAssemblyKernel`), known after the first run. */
  executor(): string;
  /** Why gpu.js degraded this kernel to its cpu backend, if it did. */
  fallbackReason(): string | null;
  destroy(): void;
}

/** What the adapter needs from a gpu.js `GPU` instance. */
export interface GpuHandle {
  /** The mode gpu.js resolved to. */
  readonly mode: string;
  compile<C extends Record<string, number>>(body: KernelBody<C>, outputLength: number, constants: C, precision: GpuJsPrecision): CompiledKernel;
  destroy(): void;
}

interface RawKernel {
  (...args: Float32Array[]): unknown;
  setOutput(o: number[]): RawKernel;
  setConstants(c: Record<string, number>): RawKernel;
  setPrecision(p: string): RawKernel;
  setTactic(t: string): RawKernel;
  destroy(): void;
  readonly fallbackReason?: string | null;
  readonly kernel?: { readonly constructor: { readonly name: string }; readonly fallbackReason?: string | null };
}

interface RawGpu {
  readonly mode: string;
  createKernel(fn: unknown): RawKernel;
  destroy(): Promise<void> | void;
}

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
  const gpu = new Ctor({ mode });
  return {
    mode: gpu.mode,
    compile(body, outputLength, constants, precision) {
      const k = gpu.createKernel(body).setOutput([outputLength]).setConstants(constants).setPrecision(precision);
      let ran = false;
      return {
        run(...args) {
          const out = k(...args);
          ran = true;
          if (out instanceof Float32Array) return out;
          if (Array.isArray(out) || ArrayBuffer.isView(out)) return Float32Array.from(out as ArrayLike<number>);
          throw new Error(`gpu.js returned ${Object.prototype.toString.call(out)}, expected a flat array`);
        },
        executor: () => (ran ? (k.kernel?.constructor.name ?? gpu.mode) : 'not run yet'),
        fallbackReason: () => k.fallbackReason ?? k.kernel?.fallbackReason ?? null,
        destroy: () => k.destroy(),
      };
    },
    destroy() {
      void gpu.destroy();
    },
  };
}
