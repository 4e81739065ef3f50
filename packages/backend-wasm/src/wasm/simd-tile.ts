/**
 * The register tile both generated kernels share: an `mr × 4·nrv` block of C held in f32x4 locals,
 * fed per k step by `nrv` B vectors and one broadcast A element per row (`v128.load32_splat`). Node 20
 * has no f32x4 FMA without flags, so each update is a separate mul and add.
 */
import type { FunctionBuilder, Local } from './function-builder.js';

/** Tile shape of a generated kernel. */
export interface SimdTile {
  readonly mr: number;
  /** Number of f32x4 vectors per tile row (tile width is 4·nrv). */
  readonly nrv: number;
}

/** The tile's locals: C row pointers (i32), accumulators, B vectors and the broadcast A (v128). */
export interface TileLocals {
  readonly rowPtr: readonly Local[];
  readonly acc: readonly (readonly Local[])[];
  readonly bv: readonly Local[];
  readonly av: Local;
}

/** Allocates the tile's locals (after the kernel's own i32 locals, so all i32s come first). */
export function tileLocals(f: FunctionBuilder, { mr, nrv }: SimdTile): TileLocals {
  const rowPtr = Array.from({ length: mr }, (_, r) => f.local('i32', `row${r}`));
  const acc = Array.from({ length: mr }, (_, r) => Array.from({ length: nrv }, (_, v) => f.local('v128', `c${r}_${v}`)));
  const bv = Array.from({ length: nrv }, (_, v) => f.local('v128', `b${v}`));
  return { rowPtr, acc, bv, av: f.local('v128', 'a') };
}

/**
 * Points the row pointers at C tile (ip, jp) — `cPtr + ip·mr·ldcBytes + jp·nr·4`, then one row
 * stride apart — and loads the accumulators from C when `accumulate`, else zeroes them.
 */
export function tileBegin(
  f: FunctionBuilder, { mr, nrv }: SimdTile, t: TileLocals,
  at: { readonly cPtr: Local; readonly ip: Local; readonly jp: Local; readonly ldcBytes: Local; readonly accumulate: Local },
): void {
  f.get(at.cPtr).get(at.ip).i32Const(mr).i32Mul().get(at.ldcBytes).i32Mul().i32Add();
  f.get(at.jp).i32Const(4 * nrv * 4).i32Mul().i32Add().set(t.rowPtr[0]);
  for (let r = 1; r < mr; r++) f.get(t.rowPtr[r - 1]).get(at.ldcBytes).i32Add().set(t.rowPtr[r]);
  f.get(at.accumulate).ifElse(
    () => {
      for (let r = 0; r < mr; r++) for (let v = 0; v < nrv; v++) f.get(t.rowPtr[r]).v128Load(16 * v).set(t.acc[r][v]);
    },
    () => {
      for (let r = 0; r < mr; r++) for (let v = 0; v < nrv; v++) f.v128Zero().set(t.acc[r][v]);
    },
  );
}

/** One k step: C tile += A column (mr floats at `ap`) ⊗ B row (4·nrv floats at `bp`); `ap` moves on. */
export function tileStep(f: FunctionBuilder, { mr, nrv }: SimdTile, t: TileLocals, ap: Local, bp: Local): void {
  for (let v = 0; v < nrv; v++) f.get(bp).v128Load(16 * v).set(t.bv[v]);
  for (let r = 0; r < mr; r++) {
    f.get(ap).v128Load32Splat(4 * r).set(t.av);
    for (let v = 0; v < nrv; v++) f.get(t.acc[r][v]).get(t.av).get(t.bv[v]).f32x4Mul().f32x4Add().set(t.acc[r][v]);
  }
  f.get(ap).i32Const(mr * 4).i32Add().set(ap);
}

/** Writes the accumulators back to the C tile. */
export function tileStore(f: FunctionBuilder, { mr, nrv }: SimdTile, t: TileLocals): void {
  for (let r = 0; r < mr; r++) for (let v = 0; v < nrv; v++) f.get(t.rowPtr[r]).get(t.acc[r][v]).v128Store(16 * v);
}
