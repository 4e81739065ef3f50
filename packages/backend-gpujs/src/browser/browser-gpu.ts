/**
 * The Node adapter's narrow `GpuHandle` (`../gpujs-adapter.ts`) over the `GPU` class of gpu.js's browser build
 * (package.json `browser` field, which bundlers pick), passed in by the page: the main entry uses `createRequire`.
 */
import type { GpuHandle } from '../gpujs-adapter.js';

/** gpu.js modes a page can ask for: WebGL2, WebGL1, and gpu.js's own CPU loop. */
export type BrowserGpuJsMode = 'webgl2' | 'webgl' | 'cpu';

interface RawKernel {
  (...args: Float32Array[]): unknown;
  setOutput(o: number[]): RawKernel;
  setConstants(c: Record<string, number>): RawKernel;
  setPrecision(p: string): RawKernel;
  destroy(): void;
  readonly fallbackReason?: string | null;
  readonly kernel?: { readonly constructor: { readonly name: string }; readonly fallbackReason?: string | null };
}

/** What this file needs of gpu.js's `GPU` class. */
export interface BrowserGpuClass {
  new (settings: { mode: string }): { readonly mode: string; createKernel(fn: unknown): RawKernel; destroy(): Promise<void> | void };
  readonly isWebGL2Supported: boolean;
  readonly isWebGLSupported: boolean;
}

/** Why `mode` cannot run in this page, or null when it can. */
export function browserModeProblem(GPU: BrowserGpuClass, mode: BrowserGpuJsMode): string | null {
  if (mode === 'webgl2' && !GPU.isWebGL2Supported) return 'gpu.js reports isWebGL2Supported = false';
  if (mode === 'webgl' && !GPU.isWebGLSupported) return 'gpu.js reports isWebGLSupported = false';
  return null;
}

/** The best GL mode this page has: WebGL2, else WebGL1, else null. */
export function bestGlMode(GPU: BrowserGpuClass): BrowserGpuJsMode | null {
  return GPU.isWebGL2Supported ? 'webgl2' : GPU.isWebGLSupported ? 'webgl' : null;
}

/** A gpu.js `GPU` in `mode` behind the narrow handle; throws when the page cannot run the mode. */
export function createBrowserGpu(GPU: BrowserGpuClass, mode: BrowserGpuJsMode): GpuHandle {
  const problem = browserModeProblem(GPU, mode);
  if (problem !== null) throw new Error(`gpu.js mode '${mode}' is not available in this page: ${problem}`);
  const gpu = new GPU({ mode });
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
    destroy: () => void gpu.destroy(),
  };
}
