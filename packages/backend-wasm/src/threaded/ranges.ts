/**
 * One thread's share of a kernel, run unchanged on the main thread and inside the worker (the worker's
 * program is this module bundled: `worker-main.ts`, `worker-bundle.generated.ts`). Every function
 * addresses the shared wasm memory through one Float32Array view `f32` and byte pointers. A task
 * travels to the worker through the shared control array (`writeTask` / `readTask`), so the protocol
 * needs no message port and is the same under Node worker threads and Web Workers.
 */
import {
  type Conv2dGeometry, col2imAdd, im2colPackB, im2colPackBT, packActivationsA, packActivationsB, unpackToNchw,
} from '@gapkit/autodiff';
import type { BlockFn, ConvFn } from '../wasm/simd-kernels-module.js';

export type { BlockFn, ConvFn } from '../wasm/simd-kernels-module.js';

/** Geometry of an implicit (padded-plane) stride-1 convolution unit, see `implicit-conv.ts`. */
export interface ImplicitDims {
  readonly cin: number;
  readonly h: number;
  readonly w: number;
  readonly padH: number;
  readonly padW: number;
  readonly kw: number;
  readonly cout: number;
  readonly Wp: number;
  /** Padded grid size of one image. */
  readonly Gi: number;
  /** Output size. */
  readonly ho: number;
  readonly wo: number;
  /** Taps (kh·kw). */
  readonly S: number;
  /** iconv: floats per input plane; iconvDw: panel length (unit·Gi + largest tap offset). */
  readonly L: number;
}

/** A unit of work for one thread. Pointers are byte offsets into the shared memory. */
export interface RangeTask {
  readonly kind: 'gemm' | 'convFwd' | 'convDx' | 'convDw' | 'iconv' | 'iconvDw';
  readonly mr: number;
  readonly nr: number;
  readonly kcBlock: number;
  /** Sequence number of the call (the worker skips tasks the main thread closed before it woke). */
  readonly seq: number;
  /** Work range, claimed `unit` at a time from the shared counter: gemm column panels, conv images. */
  readonly start: number;
  readonly end: number;
  readonly unit: number;
  /**
   * convDw / iconvDw: bytes between per-unit accumulators — unit u sums into `cPtr + u·cStride`, so a
   * reduction never depends on which thread ran which unit (the caller adds them in unit order).
   * 0: every unit adds into `cPtr`.
   */
  readonly cStride: number;
  /**
   * iconvDw: sum only over valid output positions and in-bounds taps, one GEMM per output row (slower;
   * used when the padded-grid sum met a non-finite value, so it never spreads past its window).
   */
  readonly exact: boolean;
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
  /** iconv / iconvDw: the padded-plane geometry and the tap-offset table (iconv). */
  readonly ic: ImplicitDims | null;
  readonly offPtr: number;
  /** iconv: input length (the whole batch) in floats. */
  readonly inLen: number;
}

/** Slots of the shared control array (Int32). */
export const CTL = {
  /** main sets 1 to wake the worker, the worker clears it. */
  wake: 0,
  /** seq of the last task the worker finished. */
  done: 1,
  /** 1 once the worker has instantiated its module. */
  ready: 2,
  /** shared work counter of the current task. */
  nextUnit: 3,
  /** claim word `seq·4 + state`: 0 posted, 1 claimed by the worker, 2 closed by the main thread. */
  claim: 4,
  /** 1: the worker should exit. */
  exit: 5,
  /** units the worker ran in its last task. */
  workerUnits: 6,
  /** length of the worker's error text (0: none), the text itself at `errorText`. */
  errorLength: 7,
  task: 16,
  errorText: 64,
  errorMax: 448,
  length: 512,
} as const;

export const NEXT_UNIT = CTL.nextUnit;

const KINDS: readonly RangeTask['kind'][] = ['gemm', 'convFwd', 'convDx', 'convDw', 'iconv', 'iconvDw'];
const SCALARS = ['mr', 'nr', 'kcBlock', 'seq', 'start', 'end', 'unit', 'cStride', 'mPanels', 'nPanels', 'k', 'aPtr', 'bPtr', 'cPtr', 'inPtr', 'in2Ptr', 'outPtr', 'offPtr', 'inLen'] as const;
const GEOMETRY = ['batch', 'inChannels', 'inHeight', 'inWidth', 'outChannels', 'kernelH', 'kernelW', 'strideH', 'strideW', 'padH', 'padW', 'outHeight', 'outWidth'] as const;
const IMPLICIT = ['cin', 'h', 'w', 'padH', 'padW', 'kw', 'cout', 'Wp', 'Gi', 'ho', 'wo', 'S', 'L'] as const;

/** Writes `t` into the task slots of the control array (all fields are int32). */
export function writeTask(t: RangeTask, ctl: Int32Array): void {
  let i = CTL.task;
  ctl[i++] = KINDS.indexOf(t.kind);
  ctl[i++] = (t.exact ? 2 : 0) | (t.g ? 4 : 0) | (t.ic ? 8 : 0);
  for (const f of SCALARS) ctl[i++] = t[f];
  for (const f of GEOMETRY) ctl[i++] = t.g ? t.g[f] : 0;
  for (const f of IMPLICIT) ctl[i++] = t.ic ? t.ic[f] : 0;
}

/** The task last written by `writeTask`. */
export function readTask(ctl: Int32Array): RangeTask {
  let i = CTL.task;
  const kind = KINDS[ctl[i++]];
  const flags = ctl[i++];
  const scalars: Record<string, number> = {};
  for (const f of SCALARS) scalars[f] = ctl[i++];
  const g: Record<string, number> = {};
  for (const f of GEOMETRY) g[f] = ctl[i++];
  const ic: Record<string, number> = {};
  for (const f of IMPLICIT) ic[f] = ctl[i++];
  return {
    ...(scalars as Record<(typeof SCALARS)[number], number>),
    kind,
    exact: (flags & 2) !== 0,
    g: flags & 4 ? (g as unknown as Conv2dGeometry) : null,
    ic: flags & 8 ? (ic as unknown as ImplicitDims) : null,
  };
}

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
 */
export function runRangeTask(t: RangeTask, block: BlockFn, conv: ConvFn, f32: Float32Array, ctl: Int32Array): number {
  const { mr, nr, kcBlock } = t;
  if (t.kind === 'iconv' || t.kind === 'iconvDw') return runImplicitTask(t, block, conv, f32, ctl);
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
    const u = Atomics.add(ctl, NEXT_UNIT, 1);
    const n0 = t.start + u * t.unit;
    if (n0 >= t.end) break;
    const n1 = Math.min(t.end, n0 + t.unit);
    const nb = n1 - n0;
    units++;
    if (t.kind === 'gemm') {
      gemmPanels(block, kcBlock, mr, nr, t.aPtr, t.bPtr, t.cPtr, t.mPanels, n0, n1, t.nPanels, t.k, false);
    } else if (t.kind === 'convFwd') {
      const nP = Math.ceil((nb * P) / nr);
      im2colPackB(input, g!, n0, nb, nr, f32.subarray(b, b + nP * nr * CKK));
      gemmPanels(block, kcBlock, mr, nr, t.aPtr, t.bPtr, t.cPtr, t.mPanels, 0, nP, nP, CKK, false);
      unpackToNchw(f32.subarray(c, c + t.mPanels * mr * nP * nr), nP * nr, O, P, n0, nb, output);
    } else if (t.kind === 'convDx') {
      const nP = Math.ceil((nb * P) / nr);
      packActivationsB(input, O, P, n0, nb, nr, f32.subarray(b, b + nP * nr * O));
      gemmPanels(block, kcBlock, mr, nr, t.aPtr, t.bPtr, t.cPtr, t.mPanels, 0, nP, nP, O, false);
      col2imAdd(f32.subarray(c, c + t.mPanels * mr * nP * nr), nP * nr, g!, n0, nb, output);
    } else {
      // dW: this thread's own A (dy), B (colᵀ) and C (zeroed by the caller, always accumulated).
      const nP = Math.ceil(CKK / nr);
      packActivationsA(dy, O, P, n0, nb, mr, f32.subarray(a, a + t.mPanels * mr * nb * P));
      im2colPackBT(input, g!, n0, nb, nr, f32.subarray(b, b + nP * nr * nb * P));
      gemmPanels(block, kcBlock, mr, nr, t.aPtr, t.bPtr, t.cPtr + u * t.cStride, t.mPanels, 0, nP, nP, nb * P, true);
    }
  }
  return units;
}

/**
 * dW_s (+)= dy · x(shifted by tap s)ᵀ for `nb` images packed on padded grids, over valid output
 * positions only and only where the tap's input pixel is inside the image: one GEMM per output row
 * (`block` calls of kc = the row's in-bounds width). Same terms in the same order as the padded-grid
 * sum without its zero terms, so on finite data the two agree bit for bit; unlike it, a non-finite
 * value reaches only the entries whose window covers it (as in the reference loops).
 */
export function exactTapGemm(
  block: BlockFn, d: ImplicitDims, s: number, nb: number, mr: number, nr: number,
  aPtr: number, bPtr: number, cPtr: number, mPanels: number, nPc: number, Kb: number,
): void {
  const ky = (s / d.kw) | 0;
  const kx = s - ky * d.kw;
  const shift = ky * d.Wp + kx;
  const ox0 = Math.max(0, d.padW - kx);
  const ox1 = Math.min(d.wo, d.padW + d.w - kx);
  if (ox1 <= ox0) return;
  for (let n = 0; n < nb; n++) {
    for (let oy = 0; oy < d.ho; oy++) {
      const iy = oy + ky;
      if (iy < d.padH || iy >= d.padH + d.h) continue;
      const q = n * d.Gi + oy * d.Wp + ox0;
      block(aPtr + q * mr * 4, bPtr + (shift + q) * nr * 4, cPtr, mPanels, 0, nPc, Kb, ox1 - ox0, nPc * nr, 1);
    }
  }
}

/** The implicit-convolution units (see `implicit-conv.ts` for the single-thread version and the math). */
export function runImplicitTask(t: RangeTask, block: BlockFn, conv: ConvFn, f32: Float32Array, ctl: Int32Array): number {
  const { mr, nr, kcBlock } = t;
  const d = t.ic!;
  const input = f32.subarray(t.inPtr >> 2, (t.inPtr >> 2) + t.inLen);
  let units = 0;
  for (;;) {
    const u = Atomics.add(ctl, NEXT_UNIT, 1);
    const n0 = t.start + u * t.unit;
    if (n0 >= t.end) break;
    const nb = Math.min(t.end, n0 + t.unit) - n0;
    units++;
    if (t.kind === 'iconv') {
      const planes = f32.subarray(t.bPtr >> 2, (t.bPtr >> 2) + d.cin * d.L);
      planes.fill(0);
      for (let c = 0; c < d.cin; c++) {
        for (let n = 0; n < nb; n++) {
          const src = ((n0 + n) * d.cin + c) * d.h * d.w;
          const dst = c * d.L + n * d.Gi + d.padH * d.Wp + d.padW;
          for (let y = 0; y < d.h; y++) planes.set(input.subarray(src + y * d.w, src + y * d.w + d.w), dst + y * d.Wp);
        }
      }
      const nP = Math.ceil((nb * d.Gi) / nr);
      const ldc = nP * nr;
      conv(t.aPtr, t.bPtr, t.cPtr, t.mPanels, 0, nP, d.cin, d.L * 4, t.offPtr, d.S, ldc, 0);
      const cv = f32.subarray(t.cPtr >> 2, (t.cPtr >> 2) + t.mPanels * mr * ldc);
      const outLen = (t.inLen / (d.cin * d.h * d.w)) * d.cout * d.ho * d.wo;
      const out = f32.subarray(t.outPtr >> 2, (t.outPtr >> 2) + outLen);
      for (let o = 0; o < d.cout; o++) {
        for (let n = 0; n < nb; n++) {
          const dst = ((n0 + n) * d.cout + o) * d.ho * d.wo;
          const src = o * ldc + n * d.Gi;
          for (let y = 0; y < d.ho; y++) out.set(cv.subarray(src + y * d.Wp, src + y * d.Wp + d.wo), dst + y * d.wo);
        }
      }
    } else {
      // dW: x is `input` (cin = C), dy at in2Ptr (cout = O, ho×wo), per-tap C buffers at cPtr.
      const Kb = d.L;
      const nPc = Math.ceil(d.cin / nr);
      const cLen = t.mPanels * mr * nPc * nr;
      const a = f32.subarray(t.aPtr >> 2, (t.aPtr >> 2) + t.mPanels * mr * Kb);
      const b = f32.subarray(t.bPtr >> 2, (t.bPtr >> 2) + nPc * nr * Kb);
      const dy = f32.subarray(t.in2Ptr >> 2);
      a.fill(0);
      b.fill(0);
      for (let o = 0; o < d.cout; o++) {
        const base = ((o / mr) | 0) * Kb * mr + (o % mr);
        for (let n = 0; n < nb; n++) {
          for (let y = 0; y < d.ho; y++) {
            const src = (((n0 + n) * d.cout + o) * d.ho + y) * d.wo;
            let q = base + (n * d.Gi + y * d.Wp) * mr;
            for (let xx = 0; xx < d.wo; xx++, q += mr) a[q] = dy[src + xx];
          }
        }
      }
      for (let c = 0; c < d.cin; c++) {
        const base = ((c / nr) | 0) * Kb * nr + (c % nr);
        for (let n = 0; n < nb; n++) {
          for (let y = 0; y < d.h; y++) {
            const src = (((n0 + n) * d.cin + c) * d.h + y) * d.w;
            let q = base + (n * d.Gi + (y + d.padH) * d.Wp + d.padW) * nr;
            for (let xx = 0; xx < d.w; xx++, q += nr) b[q] = input[src + xx];
          }
        }
      }
      const G = nb * d.Gi;
      for (let s = 0; s < d.S; s++) {
        if (t.exact) {
          exactTapGemm(block, d, s, nb, mr, nr, t.aPtr, t.bPtr, t.cPtr + u * t.cStride + s * cLen * 4, t.mPanels, nPc, Kb);
          continue;
        }
        const shift = ((s / d.kw) | 0) * d.Wp + (s % d.kw);
        for (let k0 = 0; k0 < G; k0 += kcBlock) {
          const kc = Math.min(kcBlock, G - k0);
          block(t.aPtr + k0 * mr * 4, t.bPtr + (shift + k0) * nr * 4, t.cPtr + u * t.cStride + s * cLen * 4, t.mPanels, 0, nPc, Kb, kc, nPc * nr, 1);
        }
      }
    }
  }
  return units;
}
