/**
 * The backend seat's public surface (re-exported by the package index): the `cpu` and `cpu-reference`
 * backends, and the packed-GEMM building blocks other backend packages (@gapkit/backend-wasm) drive
 * their own micro-kernels with.
 */
export { cpuBackend, cpuReferenceBackend, referenceKernels } from './cpu/index.js';
export { conv2dBackpropFilterPacked, conv2dBackpropInputPacked, conv2dPacked } from './gemm/conv2d-packed.js';
export { col2imAdd, im2colPackB, im2colPackBT, packActivationsA, packActivationsB, unpackToNchw } from './gemm/im2col-pack.js';
export { matmulPacked } from './gemm/matmul-packed.js';
export { packA, packB, unpackC } from './gemm/pack.js';
export { type PackedBuffers, type PackedGemm, panels } from './gemm/packed-gemm.js';
export { packedKernels } from './gemm/packed-kernels.js';
