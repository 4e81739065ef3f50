/** `@gapkit/backend-gpujs/browser`: the gpu.js backend for web pages (WebGL2, WebGL1); reaches no Node built-in. */
export { type BrowserGpuJsBackendOptions, createBrowserGpuJsBackend } from './browser-backend.js';
export { type BrowserGpuClass, type BrowserGpuJsMode, bestGlMode, browserModeProblem, createBrowserGpu } from './browser-gpu.js';
