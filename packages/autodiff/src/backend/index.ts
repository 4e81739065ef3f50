/** The backend seat's public surface (re-exported by `backend.ts`, which the package index exports). */
export { type AutoBackendOptions, createAutoBackend } from './auto/auto-backend.js';
export { cpuBackend, cpuReferenceBackend } from './cpu/index.js';
export { autoCandidates, BUILTIN_BACKEND_NAMES, type BuiltinBackendName, createBackend } from './factory.js';
export type { PackedBuffers, PackedGemm } from './gemm/packed-gemm.js';
export { packedKernels } from './gemm/packed-kernels.js';
export { createWasmBackend, isThreadedWasmSupported, isWasmSimdSupported, type WasmBackendOptions } from './wasm/index.js';
