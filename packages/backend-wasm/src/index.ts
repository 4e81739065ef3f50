/**
 * @gapkit/backend-wasm: gapkit's fast kernels — a WebAssembly SIMD micro-kernel emitted by gapkit's own
 * TypeScript under the packed GEMM drivers of @gapkit/autodiff, the two-thread engine over shared wasm
 * memory, and `auto`, which times backends per kernel and size class and records the outcome as a
 * plan. Browser-safe: Node's worker threads come only with `@gapkit/backend-wasm/node`.
 */
export { type AutoBackendOptions, createAutoBackend } from './auto/auto-backend.js';
export { probeCandidates } from './auto/candidate-probe.js';
export { checkPlan } from './auto/plan.js';
export { bucket, sizeClassKey } from './auto/size-class.js';
export { autoCandidates, BACKEND_NAMES, type BackendName, type CreateBackendOptions, createBackend, isBackendName } from './factory.js';
export { installThreadHost, type ThreadHost, type WorkerHandle, type WorkerInit } from './threaded/thread-host.js';
export { ThreadedWasm } from './threaded/threaded-wasm.js';
export {
  createWasmBackend, isThreadedWasmSupported, isWasmSimdSupported, threadedWasmBackends, threadedWasmUnsupportedReason, type WasmBackendOptions,
} from './wasm/wasm-backend.js';
