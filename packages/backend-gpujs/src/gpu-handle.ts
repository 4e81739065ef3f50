/**
 * The narrow view of gpu.js everything else in this package sees — flat Float32Array (or number)
 * arguments in, a flat Float32Array out — and `wrapGpu`, the one function that turns a gpu.js `GPU`
 * instance into it. Browser-safe: the Node adapter (`gpujs-adapter.ts`) and the page's
 * (`browser/browser-gpu.ts`) differ only in how they obtain the `GPU` class.
 */

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

export interface RawKernel {
  (...args: Float32Array[]): unknown;
  setOutput(o: number[]): RawKernel;
  setConstants(c: Record<string, number>): RawKernel;
  setPrecision(p: string): RawKernel;
  destroy(): void;
  readonly fallbackReason?: string | null;
  readonly kernel?: { readonly constructor: { readonly name: string }; readonly fallbackReason?: string | null };
}

/** What this package needs of a gpu.js `GPU` instance. */
export interface RawGpu {
  readonly mode: string;
  createKernel(fn: unknown): RawKernel;
  destroy(): Promise<void> | void;
}

/** A `GpuHandle` over a gpu.js `GPU` instance: compiles one kernel per shape, reads its output back flat. */
export function wrapGpu(gpu: RawGpu): GpuHandle {
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
