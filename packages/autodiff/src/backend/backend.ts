/**
 * The seat for hot kernels. Tensors stay host Float32Arrays; a backend only computes the few kernels
 * where the time goes (matmul and conv). Every kernel a backend leaves out runs on the CPU backend, and
 * `describeBackend()` says which implementation serves each kernel, so a fallback is never silent.
 */

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

/** Every kernel returns a new array, owned by the caller (ops write into it and hand it on). */
export interface Kernels {
  /** C [m, n] = op(A) [m, k] · op(B) [k, n], row-major. Accumulation in float32 or better. */
  matmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number, opts?: MatmulOptions): Float32Array;
  /** y = conv2d(x, w): cross-correlation with zero padding, no bias. */
  conv2d(x: Float32Array, w: Float32Array, g: Conv2dGeometry): Float32Array;
  /** dx = dL/dx given dy = dL/dy. */
  conv2dBackpropInput(dy: Float32Array, w: Float32Array, g: Conv2dGeometry): Float32Array;
  /** dw = dL/dw given x and dy. */
  conv2dBackpropFilter(x: Float32Array, dy: Float32Array, g: Conv2dGeometry): Float32Array;
}

export type KernelName = keyof Kernels;
export const KERNEL_NAMES: readonly KernelName[] = ['matmul', 'conv2d', 'conv2dBackpropInput', 'conv2dBackpropFilter'];

export interface Backend {
  /** e.g. `cpu`, `gpujs-webasm`, `auto`. */
  readonly name: string;
  /** Kernels this backend implements; the rest run on the CPU backend. */
  readonly kernels: Partial<Kernels>;
  /** Human-readable facts: mode, precision, threads, per-kernel choices. */
  describe(): Record<string, string>;
  /** Frees native resources (GPU contexts, workers). The backend must not be used afterwards. */
  dispose(): void;
}
