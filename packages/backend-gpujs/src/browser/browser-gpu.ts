/**
 * The Node adapter's narrow `GpuHandle` (`../gpujs-adapter.ts`) over the `GPU` class of gpu.js's browser build
 * (package.json `browser` field, which bundlers pick), passed in by the page: the main entry uses `createRequire`.
 */
import { type GpuHandle, type RawGpu, wrapGpu } from '../gpu-handle.js';

/** gpu.js modes a page can ask for: WebGL2, WebGL1, and gpu.js's own CPU loop. */
export type BrowserGpuJsMode = 'webgl2' | 'webgl' | 'cpu';

/** What this file needs of gpu.js's `GPU` class. */
export interface BrowserGpuClass {
  new (settings: { mode: string }): RawGpu;
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
  return wrapGpu(new GPU({ mode }));
}
