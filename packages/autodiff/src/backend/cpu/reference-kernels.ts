/**
 * The reference kernels: one direct loop per kernel, float64 accumulation. This record is the list of
 * kernels — `Kernels`, `KernelName` and `KERNEL_NAMES` are derived from it — so a new kernel is its
 * op, its reference loop here, and (optionally) the backend that speeds it up; every backend that
 * leaves it out runs this one.
 */
import { conv2dBackpropFilterCpu, conv2dBackpropInputCpu, conv2dCpu } from './conv2d.js';
import { matmulCpu } from './matmul.js';

export const referenceKernels = {
  /** C [m, n] = op(A) [m, k] · op(B) [k, n], row-major. */
  matmul: matmulCpu,
  /** y = conv2d(x, w): cross-correlation with zero padding, no bias. */
  conv2d: conv2dCpu,
  /** dx = dL/dx given dy = dL/dy. */
  conv2dBackpropInput: conv2dBackpropInputCpu,
  /** dw = dL/dw given x and dy. */
  conv2dBackpropFilter: conv2dBackpropFilterCpu,
} as const;
