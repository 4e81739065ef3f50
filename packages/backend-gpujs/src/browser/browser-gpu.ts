/**
 * The browser's gpu.js handle: the same narrow `GpuHandle` as the Node adapter (`../gpujs-adapter.ts`),
 * over the `GPU` class a page already has. The package's main entry loads gpu.js with `createRequire`
 * (Node only); a page bundles gpu.js's own browser build instead (its package.json `browser` field,
 * `dist/gpu-browser.js`, which a bundler picks) and hands its `GPU` class here.
 */
import type { CompiledKernel, GpuHandle } from '../gpujs-adapter.js';

/** gpu.js modes a page can ask for: the GL ones (WebGL2, WebGL1) and gpu.js's own CPU loop. */
export type BrowserGpuJsMode = 'webgl2' | 'webgl' | 'cpu';
export const BROWSER_GPUJS_MODES: readonly BrowserGpuJsMode[] = ['webgl2', 'webgl', 'cpu'];

interface RawKernel {
  (...args: Float32Array[]): unknown;
  setOutput(o: number[]): RawKernel;
  setConstants(c: Record<string, number>): RawKernel;
  setPrecision(p: string): RawKernel;
  destroy(): void;
  readonly fallbackReason?: string | null;
  readonly kernel?: { readonly constructor: { readonly name: string }; readonly fallbackReason?: string | null };
}

interface RawGpu {
  readonly mode: string;
  createKernel(fn: unknown): RawKernel;
  destroy(): Promise<void> | void;
}

/** What this file needs of gpu.js's `GPU` class (static support flags and the constructor). */
export interface BrowserGpuClass {
  new (settings: { mode: string }): RawGpu;
  readonly isWebGL2Supported: boolean;
  readonly isWebGLSupported: boolean;
}

/** Whether `mode` can run in this page (and, if not, why). */
export function browserModeSupport(GPU: BrowserGpuClass, mode: BrowserGpuJsMode): { supported: boolean; reason: string } {
  if (mode === 'webgl2' && !GPU.isWebGL2Supported) return { supported: false, reason: 'gpu.js reports isWebGL2Supported = false' };
  if (mode === 'webgl' && !GPU.isWebGLSupported) return { supported: false, reason: 'gpu.js reports isWebGLSupported = false' };
  return { supported: true, reason: '' };
}

/** The best GL mode this page has: WebGL2, else WebGL1, else null. */
export function bestGlMode(GPU: BrowserGpuClass): BrowserGpuJsMode | null {
  if (GPU.isWebGL2Supported) return 'webgl2';
  if (GPU.isWebGLSupported) return 'webgl';
  return null;
}

/** A gpu.js `GPU` in `mode` behind the narrow handle; throws when the page cannot run the mode. */
export function createBrowserGpu(GPU: BrowserGpuClass, mode: BrowserGpuJsMode): GpuHandle {
  const support = browserModeSupport(GPU, mode);
  if (!support.supported) throw new Error(`gpu.js mode '${mode}' is not available in this page: ${support.reason}`);
  const gpu = new GPU({ mode });
  return {
    mode: gpu.mode,
    compile(body, outputLength, constants, precision): CompiledKernel {
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
