/**
 * The seat for hot kernels. Tensors stay host Float32Arrays; a backend only computes the few kernels
 * where the time goes (matmul and conv). Every kernel a backend leaves out runs on the `cpu` backend (or,
 * when `cpu` lacks it too, on the reference loops), and
 * `describeBackend()` says which implementation serves each kernel, so a fallback is never silent.
 */
import { referenceKernels } from './cpu/reference-kernels.js';

/** Layout of a 2-D convolution: x [N, C, H, W], w [O, C, KH, KW], y [N, O, OH, OW] (NCHW, PyTorch). */
export interface Conv2dGeometry {
  readonly batch: number;
  readonly inChannels: number;
  readonly inHeight: number;
  readonly inWidth: number;
  readonly outChannels: number;
  readonly kernelH: number;
  readonly kernelW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly padH: number;
  readonly padW: number;
  readonly outHeight: number;
  readonly outWidth: number;
}

export interface MatmulOptions {
  /** A is stored as [k, m] and used transposed. */
  readonly transA?: boolean;
  /** B is stored as [n, k] and used transposed. */
  readonly transB?: boolean;
}

/**
 * Every kernel, by name, with its signature: the reference record (`cpu/reference-kernels.ts`) is the
 * single list. Every kernel returns a new array, owned by the caller (ops write into it and hand it on).
 */
export type Kernels = typeof referenceKernels;

export type KernelName = keyof Kernels;
export const KERNEL_NAMES: readonly KernelName[] = Object.keys(referenceKernels) as KernelName[];

/**
 * What `auto` decided, and what it can be given back so a rerun uses exactly the same kernels:
 * `kernel:sizeClass` (as printed by `describe()`, e.g. `matmul:64x128x64tB`) → backend name.
 * Plain JSON (strings only), so a trainer can save it in its run config.
 */
export type BackendPlan = { readonly [kernelAndSizeClass: string]: string };

export interface Backend {
  /** e.g. `cpu`, `gpujs-webasm`, `auto`. */
  readonly name: string;
  /** The kernels this backend accelerates; every other kernel runs on `cpu` (or the reference loops). */
  readonly kernels: Partial<Kernels>;
  /** Human-readable facts: mode, precision, threads, per-kernel choices. */
  describe(): Record<string, string>;
  /** A backend that chooses between others (`auto`) returns its choices so far; fixed backends have none. */
  plan?(): BackendPlan;
  /** Frees native resources (GPU contexts, workers). The backend must not be used afterwards. */
  dispose(): void;
}
