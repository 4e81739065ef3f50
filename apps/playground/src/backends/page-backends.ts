/**
 * The backends a page can train on: plain TypeScript (`cpu`), gapkit's WebAssembly SIMD (`wasm`, and
 * `wasm-2t` on two threads when the page is cross-origin isolated), gpu.js on WebGL2 / WebGL1 through
 * `@gapkit/backend-gpujs/browser`, and `auto`, which times the candidates per kernel and size class.
 */
import { type Backend, cpuBackend, describeBackend } from '@gapkit/autodiff';
import { autoCandidates, createAutoBackend, createWasmBackend, threadedWasmUnsupportedReason } from '@gapkit/backend-wasm';
import { bestGlMode, type BrowserGpuClass, browserModeProblem, createBrowserGpuJsBackend } from '@gapkit/backend-gpujs/browser';
import { GPU } from 'gpu.js';
import type { BackendChoice } from '../setup/setup.js';

/** gpu.js's browser `GPU` class, seen through the narrow type the browser entry needs. */
export const PAGE_GPU = GPU as unknown as BrowserGpuClass;

/** What the page can do, for the status line. */
export function pageCapabilities(): Record<string, string> {
  const threads = threadedWasmUnsupportedReason();
  return {
    crossOriginIsolated: String(globalThis.crossOriginIsolated === true),
    'wasm-2t': threads === null ? 'two threads (main + Web Worker over SharedArrayBuffer)' : `one thread: ${threads}`,
    webgl2: String(PAGE_GPU.isWebGL2Supported),
    webgl: String(PAGE_GPU.isWebGLSupported),
  };
}

/** A fresh backend for `choice`; throws naming the choice when the page cannot run it. */
export function createPageBackend(choice: BackendChoice): Backend {
  switch (choice) {
    case 'cpu':
      return cpuBackend;
    case 'wasm':
      return createWasmBackend();
    case 'wasm-2t':
      return createWasmBackend({ threads: 2 });
    case 'gpujs-webgl2':
    case 'gpujs-webgl': {
      const mode = choice === 'gpujs-webgl2' ? 'webgl2' : 'webgl';
      const problem = browserModeProblem(PAGE_GPU, mode);
      if (problem !== null) throw new Error(`backend ${choice}: ${problem}`);
      return createBrowserGpuJsBackend(PAGE_GPU, { mode });
    }
    case 'auto': {
      const candidates = autoCandidates();
      const gl = bestGlMode(PAGE_GPU);
      if (gl !== null) candidates.push(createBrowserGpuJsBackend(PAGE_GPU, { mode: gl }));
      return createAutoBackend(candidates, { notes: { 'auto.gpujs': gl === null ? 'no WebGL in this page' : `gpujs-${gl} offered to the probe` } });
    }
  }
}

/** The backend label: `describeBackend()` of the active backend, one line per kernel. */
export function backendLines(): string[] {
  return Object.entries(describeBackend()).map(([k, v]) => `${k}: ${v}`);
}
