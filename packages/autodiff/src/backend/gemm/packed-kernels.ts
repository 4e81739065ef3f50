/** The four hot kernels of the backend interface, built on one `PackedGemm` engine. */
import type { Kernels } from '../backend.js';
import { conv2dBackpropFilterPacked, conv2dBackpropInputPacked, conv2dPacked } from './conv2d-packed.js';
import { matmulPacked } from './matmul-packed.js';
import type { PackedGemm } from './packed-gemm.js';

/** matmul and im2col convolutions running on `engine` (the kernels a GEMM engine accelerates). */
export function packedKernels(engine: PackedGemm): Pick<Kernels, 'matmul' | 'conv2d' | 'conv2dBackpropInput' | 'conv2dBackpropFilter'> {
  return {
    matmul: (a, b, m, k, n, opts) => matmulPacked(engine, a, b, m, k, n, opts),
    conv2d: (x, w, g) => conv2dPacked(engine, x, w, g),
    conv2dBackpropInput: (dy, w, g) => conv2dBackpropInputPacked(engine, dy, w, g),
    conv2dBackpropFilter: (x, dy, g) => conv2dBackpropFilterPacked(engine, x, dy, g),
  };
}
