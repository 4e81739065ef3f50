/**
 * The copy fast paths (short rows copied element by element, an unpadded C copied in one block) give
 * exactly the bits of the row-by-row `subarray` copies they replace: each is checked against that
 * plain reference, entry by entry on the Uint32 views, on random shapes with ragged edges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matmulPacked } from '../../src/backend/gemm/matmul-packed.js';
import { packA, packB, unpackC } from '../../src/backend/gemm/pack.js';
import type { PackedGemm } from '../../src/backend/gemm/packed-gemm.js';
import { panels } from '../../src/backend/gemm/packed-gemm.js';
import { TiledGemm } from '../../src/backend/cpu/tiled-gemm.js';
import { gather } from '../../src/index.js';
import { copyRegion } from '../../src/ops/copy-region.js';
import { Tensor } from '../../src/tensor.js';
import { PROPERTY_RUNS, randomArray } from '../testing.js';

/** Same bits entry by entry (Uint32 views), with the first differing index in the message. */
function expectSameBits(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  const a = new Uint32Array(actual.buffer, actual.byteOffset, actual.length);
  const e = new Uint32Array(expected.buffer, expected.byteOffset, expected.length);
  const at = a.findIndex((v, i) => v !== e[i]);
  expect(at, `first differing entry ${at}: ${actual[at]} vs ${expected[at]}`).toBe(-1);
}

/** Random float32 values with zeros and negative zeros mixed in (their sign bit must survive). */
function valuesWithZeros(n: number, seed: number): Float32Array {
  const v = randomArray(n, seed);
  for (let i = 0; i < n; i += 7) v[i] = i % 14 === 0 ? -0 : 0;
  return v;
}

/** The row copy `unpackC` used before its fast paths. */
function unpackRows(c: Float32Array, ldc: number, m: number, n: number): Float32Array {
  const out = new Float32Array(m * n);
  for (let i = 0; i < m; i++) out.set(c.subarray(i * ldc, i * ldc + n), i * n);
  return out;
}

/** `matmulPacked` as it was: pack, run, unpack every row into a zeroed result. */
function matmulPackedRows(engine: PackedGemm, a: Float32Array, b: Float32Array, m: number, k: number, n: number, transA: boolean, transB: boolean): Float32Array {
  if (m === 0 || n === 0) return new Float32Array(m * n);
  const mP = panels(m, engine.mr);
  const nP = panels(n, engine.nr);
  const buf = engine.buffers(mP * engine.mr * k, nP * engine.nr * k, mP * engine.mr * nP * engine.nr);
  packA(a, m, k, transA, engine.mr, buf.a);
  packB(b, k, n, transB, engine.nr, buf.b);
  engine.run(mP, nP, k, false);
  return unpackRows(buf.c, nP * engine.nr, m, n);
}

describe('packA and packB', () => {
  it('lay out op(A) and op(B) exactly as the panel definition says, zero past the edge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 1, max: 8 }), fc.boolean(), fc.nat(), (rowsOrCols, k, tile, trans, seed) => {
        const src = valuesWithZeros(rowsOrCols * k, seed);
        const p = panels(rowsOrCols, tile);
        const a = new Float32Array(p * tile * k).fill(Number.NaN);
        packA(src, rowsOrCols, k, trans, tile, a);
        const wantA = new Float32Array(a.length);
        for (let ip = 0; ip < p; ip++) {
          for (let q = 0; q < k; q++) {
            for (let r = 0; r < tile; r++) {
              const i = ip * tile + r;
              wantA[(ip * k + q) * tile + r] = i < rowsOrCols ? src[trans ? q * rowsOrCols + i : i * k + q] : 0;
            }
          }
        }
        expectSameBits(a, wantA);
        const b = new Float32Array(p * tile * k).fill(Number.NaN);
        packB(src, k, rowsOrCols, trans, tile, b);
        const wantB = new Float32Array(b.length);
        for (let jp = 0; jp < p; jp++) {
          for (let q = 0; q < k; q++) {
            for (let c = 0; c < tile; c++) {
              const j = jp * tile + c;
              wantB[(jp * k + q) * tile + c] = j < rowsOrCols ? src[trans ? j * k + q : q * rowsOrCols + j] : 0;
            }
          }
        }
        expectSameBits(b, wantB);
      }),
      { numRuns: PROPERTY_RUNS * 5 },
    );
  });
});

describe('unpackC fast paths', () => {
  it('equal the row copy for every width (short, long, unpadded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 150 }), fc.integer({ min: 0, max: 9 }), fc.nat(), (m, n, pad, seed) => {
        const ldc = n + pad;
        const c = valuesWithZeros(m * ldc, seed);
        const out = new Float32Array(m * n).fill(Number.NaN);
        unpackC(c, ldc, m, n, out);
        expectSameBits(out, unpackRows(c, ldc, m, n));
      }),
      { numRuns: PROPERTY_RUNS * 5 },
    );
  });
});

describe('matmulPacked', () => {
  it('equals pack, run and a row-by-row unpack bit for bit, with and without padding columns', () => {
    const engine = new TiledGemm();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 37 }), fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 37 }), fc.boolean(), fc.boolean(), fc.nat(),
        (m, k, n, transA, transB, seed) => {
          const a = valuesWithZeros(m * k, seed);
          const b = valuesWithZeros(k * n, seed + 1);
          const expected = matmulPackedRows(engine, a, b, m, k, n, transA, transB);
          expectSameBits(matmulPacked(engine, a, b, m, k, n, { transA, transB }), expected);
        },
      ),
      { numRuns: PROPERTY_RUNS * 5 },
    );
  });

  it('covers the NCF tower shapes at batch 1024 (n a multiple of the tile: the one-block copy)', () => {
    const engine = new TiledGemm();
    for (const [m, k, n] of [[1024, 64, 32], [1024, 32, 16], [1024, 16, 8], [1024, 8, 1], [32, 1024, 64]] as const) {
      const a = randomArray(m * k, m + k);
      const b = randomArray(k * n, n + 3);
      expectSameBits(matmulPacked(engine, a, b, m, k, n), matmulPackedRows(engine, a, b, m, k, n, false, false));
    }
  });
});

/** Element-by-element reference of `copyRegion`: every index of the region, row-major. */
function copyRegionByElement(src: Float32Array, srcShape: readonly number[], srcStart: readonly number[], dst: Float32Array, dstShape: readonly number[], dstStart: readonly number[], region: readonly number[]): void {
  const total = region.reduce((p, d) => p * d, 1);
  const idx = new Array<number>(region.length).fill(0);
  for (let e = 0; e < total; e++) {
    let s = 0;
    let d = 0;
    for (let k = 0; k < region.length; k++) {
      s = s * srcShape[k] + srcStart[k] + idx[k];
      d = d * dstShape[k] + dstStart[k] + idx[k];
    }
    dst[d] = src[s];
    for (let k = region.length - 1; k >= 0; k--) {
      if (++idx[k] < region[k]) break;
      idx[k] = 0;
    }
  }
}

describe('copyRegion', () => {
  it('copies the same bits as an element-by-element copy, for short and long runs', () => {
    const box = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(box, fc.integer({ min: 0, max: 130 }), fc.nat(), (axes, lastRun, seed) => {
        // Each axis: region length, offset in src, offset in dst; the last axis gets a run of up to 130.
        const dims = [...axes, [lastRun, 2, 1] as [number, number, number]];
        const region = dims.map(([r]) => r);
        const srcStart = dims.map(([, s]) => s);
        const dstStart = dims.map(([, , d]) => d);
        const srcShape = dims.map(([r, s]) => r + s + 1);
        const dstShape = dims.map(([r, , d]) => r + d + 2);
        const size = (s: readonly number[]) => s.reduce((p, d) => p * d, 1);
        const src = valuesWithZeros(size(srcShape), seed);
        const got = new Float32Array(size(dstShape)).fill(Number.NaN);
        const want = got.slice();
        copyRegion(src, srcShape, srcStart, got, dstShape, dstStart, region);
        copyRegionByElement(src, srcShape, srcStart, want, dstShape, dstStart, region);
        expectSameBits(got, want);
      }),
      { numRuns: PROPERTY_RUNS * 5 },
    );
  });
});

describe('gather', () => {
  it('forward rows and float64 scatter-add gradient equal a plain per-element reference bit for bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 40 }), fc.nat(), (n, d, len, seed) => {
        const T = valuesWithZeros(n * d, seed);
        const indices = Int32Array.from({ length: len }, (_, i) => (i * 7 + seed) % n);
        const table = new Tensor(T, [n, d], true);
        const y = gather(table, indices);
        const wantY = new Float32Array(len * d);
        for (let i = 0; i < len; i++) for (let j = 0; j < d; j++) wantY[i * d + j] = T[indices[i] * d + j];
        expectSameBits(y.data, wantY);
        const dy = valuesWithZeros(len * d, seed + 1);
        y.backward(new Tensor(dy, [len, d]));
        const acc = new Float64Array(n * d);
        for (let i = 0; i < len; i++) for (let j = 0; j < d; j++) acc[indices[i] * d + j] += dy[i * d + j];
        expectSameBits(table.grad!.data, Float32Array.from(acc));
      }),
      { numRuns: PROPERTY_RUNS * 5 },
    );
  });
});
