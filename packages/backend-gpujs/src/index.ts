/** @gapkit/backend-gpujs: gapkit's hot kernels on gpu.js, plus the factory for every backend name. */
export { type AutoOptions, BACKEND_NAMES, type BackendName, createBackend, GPUJS_BACKEND_NAMES, type GpuJsBackendName } from './factory.js';
export { createGpuJsBackend, type GpuJsBackendOptions } from './gpu.js';
export { GPUJS_MODES, type GpuJsMode, type GpuJsPrecision, modeSupport } from './gpujs-adapter.js';
export { KernelCache } from './kernel-cache.js';
export { conv2dBackpropFilterKernel } from './kernels/conv2d-backprop-filter.kernel.js';
export { conv2dBackpropInputKernel } from './kernels/conv2d-backprop-input.kernel.js';
export { conv2dKernel } from './kernels/conv2d.kernel.js';
export { matmulKernel } from './kernels/matmul.kernel.js';
