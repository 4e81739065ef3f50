/**
 * `@gapkit/backend-gpujs/browser`: the gpu.js backend for web pages (WebGL2, WebGL1, gpu.js cpu). No
 * Node built-in is reached; the page passes gpu.js's browser `GPU` class (see browser-gpu.ts).
 */
export { type BrowserGpuJsBackendOptions, createBrowserGpuJsBackend } from './browser-backend.js';
export { BROWSER_GPUJS_MODES, type BrowserGpuClass, type BrowserGpuJsMode, bestGlMode, browserModeSupport, createBrowserGpu } from './browser-gpu.js';
