/**
 * The pure-TypeScript backends. `cpuBackend` (the default, and the fallback for kernels another backend
 * leaves out) runs packed, register-tiled GEMMs and im2col convolutions; `cpuReferenceBackend` keeps the
 * direct loops as the reference for parity tests.
 */
import type { Backend } from '../backend.js';
import { packedKernels } from '../gemm/packed-kernels.js';
import { conv2dBackpropFilterCpu, conv2dBackpropInputCpu, conv2dCpu } from './conv2d.js';
import { matmulCpu } from './matmul.js';
import { referenceKernels } from './reference-kernels.js';
import { TiledGemm } from './tiled-gemm.js';

const engine = new TiledGemm();

/** Fast scalar TypeScript kernels, one thread. */
export const cpuBackend: Backend = {
  name: 'cpu',
  kernels: packedKernels(engine),
  describe: () => ({ implementation: `packed GEMM, im2col conv; ${engine.description}`, threads: '1' }),
  dispose: () => {},
};

/** Direct reference loops with float64 accumulation: slow, simple, the parity oracle. */
export const cpuReferenceBackend: Backend = {
  name: 'cpu-reference',
  kernels: referenceKernels,
  describe: () => ({ implementation: 'reference loops (float64 accumulation)', threads: '1' }),
  dispose: () => {},
};
export { conv2dBackpropFilterCpu, conv2dBackpropInputCpu, conv2dCpu, matmulCpu, referenceKernels };
