/**
 * One thread's share of a kernel, written to run unchanged on the main thread and inside the worker:
 * every function here is self-contained (no module-level references), takes the packers as an `ops`
 * object and the wasm `block` export as a parameter, and addresses the shared wasm memory through one
 * Float32Array view `f32` and byte pointers. `worker-source.ts` serializes these with
 * `Function.prototype.toString`.
 */
import type { Conv2dGeometry } from '../../backend.js';

/** The packing helpers a thread needs (the functions of `gemm/pack.ts` and `gemm/im2col-pack.ts`). */
export interface PackOps {
  im2colPackB(x: Float32Array, g: Conv2dGeometry, n0: number, nb: number, nr: number, dst: Float32Array): void;
  im2colPackBT(x: Float32Array, g: Conv2dGeometry, n0: number, nb: number, nr: number, dst: Float32Array): void;
  col2imAdd(c: Float32Array, ldc: number, g: Conv2dGeometry, n0: number, nb: number, dx: Float32Array): void;
  packActivationsA(dy: Float32Array, O: number, P: number, n0: number, nb: number, mr: number, dst: Float32Array): void;
  packActivationsB(dy: Float32Array, O: number, P: number, n0: number, nb: number, nr: number, dst: Float32Array): void;
  unpackToNchw(c: Float32Array, ldc: number, O: number, P: number, n0: number, nb: number, y: Float32Array): void;
}

/** The generated micro-kernel export (see `simd-gemm-module.ts`). */
export type BlockFn = (
  aPtr: number, bPtr: number, cPtr: number, mPanels: number, jp0: number, jp1: number,
  k: number, kc: number, ldc: number, accumulate: number,
) => void;

/** A unit of work for one thread. Pointers are byte offsets into the shared memory. */
export interface RangeTask {
  readonly kind: 'gemm' | 'convFwd' | 'convDx' | 'convDw';
  readonly mr: number;
  readonly nr: number;
  readonly kcBlock: number;
  /** Sequence number of the call (the worker skips tasks the main thread closed before it woke). */
  readonly seq: number;
  /** Work range, claimed `unit` at a time from the shared counter: gemm column panels, conv images. */
  readonly start: number;
  readonly end: number;
  readonly unit: number;
  /** gemm: row panels; conv: row panels of the packed A operand. */
  readonly mPanels: number;
  /** gemm: total column panels (sets ldc). */
  readonly nPanels: number;
  /** gemm: reduction length. */
  readonly k: number;
  /** Packed A (shared by both threads), this thread's packed B and C scratch. */
  readonly aPtr: number;
  readonly bPtr: number;
  readonly cPtr: number;
  /** conv: the input (x or dy), the second input (dy for dW), the output (y or dx). */
  readonly inPtr: number;
  readonly in2Ptr: number;
  readonly outPtr: number;
  readonly g: Conv2dGeometry | null;
}

/** Index of the shared work counter in the control array. */
export const NEXT_UNIT = 3;

/**
 * C (+)= A·B on column panels [jp0, jp1) of an `nPanels`-wide C, k blocked by `kcBlock`
 * (the driver loop every thread runs around the micro-kernel).
 */
export function gemmPanels(
  block: BlockFn, kcBlock: number, mr: number, nr: number, aPtr: number, bPtr: number, cPtr: number,
  mPanels: number, jp0: number, jp1: number, nPanels: number, k: number, accumulate: boolean,
): void {
  const ldc = nPanels * nr;
  for (let k0 = 0; k0 < k; k0 += kcBlock) {
    const kc = Math.min(kcBlock, k - k0);
    block(aPtr + k0 * mr * 4, bPtr + k0 * nr * 4, cPtr, mPanels, jp0, jp1, k, kc, ldc, accumulate || k0 > 0 ? 1 : 0);
  }
}

/**
 * Runs units of `t` on this thread until the shared counter `ctl[NEXT_UNIT]` passes the end (dynamic
 * scheduling: a thread on a busy core simply claims fewer units). Returns the units this thread ran.
 * No closures here: with esbuild's keepNames an inner function would carry a `__name` helper call
 * that does not exist in the worker.
 */
export function runRangeTask(t: RangeTask, block: BlockFn, f32: Float32Array, ops: PackOps, gemm: typeof gemmPanels, ctl: Int32Array): number {
  const { mr, nr, kcBlock } = t;
  const g = t.g;
  const P = g === null ? 0 : g.outHeight * g.outWidth;
  const CKK = g === null ? 0 : g.inChannels * g.kernelH * g.kernelW;
  const O = g === null ? 0 : g.outChannels;
  const xLen = g === null ? 0 : g.batch * g.inChannels * g.inHeight * g.inWidth;
  const yLen = g === null ? 0 : g.batch * O * P;
  const a = t.aPtr >> 2;
  const b = t.bPtr >> 2;
  const c = t.cPtr >> 2;
  const input = f32.subarray(t.inPtr >> 2, (t.inPtr >> 2) + (t.kind === 'convDx' ? yLen : xLen));
  const output = f32.subarray(t.outPtr >> 2, (t.outPtr >> 2) + (t.kind === 'convFwd' ? yLen : xLen));
  const dy = f32.subarray(t.in2Ptr >> 2, (t.in2Ptr >> 2) + yLen);
  let units = 0;
  for (;;) {
    const n0 = t.start + Atomics.add(ctl, NEXT_UNIT, 1) * t.unit;
    if (n0 >= t.end) break;
    const n1 = Math.min(t.end, n0 + t.unit);
    const nb = n1 - n0;
    units++;
    if (t.kind === 'gemm') {
      gemm(block, kcBlock, mr, nr, t.aPtr, t.bPtr, t.cPtr, t.mPanels, n0, n1, t.nPanels, t.k, false);
    } else if (t.kind === 'convFwd') {
      const nP = Math.ceil((nb * P) / nr);
      ops.im2colPackB(input, g!, n0, nb, nr, f32.subarray(b, b + nP * nr * CKK));
      gemm(block, kcBlock, mr, nr, t.aPtr, t.bPtr, t.cPtr, t.mPanels, 0, nP, nP, CKK, false);
      ops.unpackToNchw(f32.subarray(c, c + t.mPanels * mr * nP * nr), nP * nr, O, P, n0, nb, output);
    } else if (t.kind === 'convDx') {
      const nP = Math.ceil((nb * P) / nr);
      ops.packActivationsB(input, O, P, n0, nb, nr, f32.subarray(b, b + nP * nr * O));
      gemm(block, kcBlock, mr, nr, t.aPtr, t.bPtr, t.cPtr, t.mPanels, 0, nP, nP, O, false);
      ops.col2imAdd(f32.subarray(c, c + t.mPanels * mr * nP * nr), nP * nr, g!, n0, nb, output);
    } else {
      // dW: this thread's own A (dy), B (colᵀ) and C (zeroed by the caller, always accumulated).
      const nP = Math.ceil(CKK / nr);
      ops.packActivationsA(dy, O, P, n0, nb, mr, f32.subarray(a, a + t.mPanels * mr * nb * P));
      ops.im2colPackBT(input, g!, n0, nb, nr, f32.subarray(b, b + nP * nr * nb * P));
      gemm(block, kcBlock, mr, nr, t.aPtr, t.bPtr, t.cPtr, t.mPanels, 0, nP, nP, nb * P, true);
    }
  }
  return units;
}
