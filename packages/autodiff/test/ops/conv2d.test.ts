import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conv2d, tensor } from '../../src/index.js';
import { gradcheck, valuesArb } from '../testing.js';

describe('conv2d', () => {
  it('cross-correlates without flipping the kernel, adds the bias', () => {
    // x (1 channel, 3×3) = [[1,2,3],[4,5,6],[7,8,9]], w (2×2) = [[1,0],[0,−1]], b = 10
    // y[0,0] = 1·1 + 5·(−1) + 10 = 6; y[0,1] = 2 − 6 + 10 = 6; y[1,0] = 4 − 8 + 10 = 6; y[1,1] = 5 − 9 + 10 = 6
    // (a flipped kernel would give −6+10... = 14 everywhere, so this pins the orientation)
    const y = conv2d(tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 3, 3]), tensor([1, 0, 0, -1], [1, 1, 2, 2]), tensor([10], [1]));
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(Array.from(y.data)).toEqual([6, 6, 6, 6]);
  });

  it('pads with zeros and strides', () => {
    // x 2×2 = [[1,2],[3,4]], 1×1 kernel of 2, padding 1, stride 2 → 4×4 padded grid sampled at (0,0),(0,2),(2,0),(2,2)
    // = [[0, 0], [0, 2·4]] (only (2,2) hits x[1,1] = 4)
    const y = conv2d(tensor([1, 2, 3, 4], [1, 1, 2, 2]), tensor([2], [1, 1, 1, 1]), null, { padding: 1, stride: 2 });
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(Array.from(y.data)).toEqual([0, 0, 0, 8]);
  });

  it('names both shapes and the rule when channels differ or the kernel does not fit', () => {
    expect(() => conv2d(tensor(new Float32Array(18), [1, 2, 3, 3]), tensor(new Float32Array(9), [1, 1, 3, 3]), null)).toThrow(
      /conv2d: input \[1, 2, 3, 3\] and weight \[1, 1, 3, 3\] do not fit; need x \[N, C, H, W\] and w \[O, C, KH, KW\] with the same C/,
    );
    expect(() => conv2d(tensor(new Float32Array(4), [1, 1, 2, 2]), tensor(new Float32Array(9), [1, 1, 3, 3]), null)).toThrow(
      /conv2d: kernel 3×3 does not fit input 2×2/,
    );
    expect(() => conv2d(tensor(new Float32Array(4), [1, 1, 2, 2]), tensor([1], [1, 1, 1, 1]), null, { stride: 0 })).toThrow(
      /conv2d: stride must be an integer ≥ 1/,
    );
  });

  it('gradcheck for x, w and b over random geometry', () => {
    const arb = fc
      .record({
        n: fc.integer({ min: 1, max: 2 }),
        c: fc.integer({ min: 1, max: 2 }),
        o: fc.integer({ min: 1, max: 2 }),
        h: fc.integer({ min: 3, max: 5 }),
        w: fc.integer({ min: 3, max: 5 }),
        kh: fc.integer({ min: 1, max: 3 }),
        kw: fc.integer({ min: 1, max: 3 }),
        stride: fc.integer({ min: 1, max: 2 }),
        padding: fc.integer({ min: 0, max: 1 }),
      })
      .chain((g) =>
        fc.tuple(
          fc.constant(g),
          valuesArb(g.n * g.c * g.h * g.w).map((v) => tensor(v, [g.n, g.c, g.h, g.w])),
          valuesArb(g.o * g.c * g.kh * g.kw).map((v) => tensor(v, [g.o, g.c, g.kh, g.kw])),
          valuesArb(g.o).map((v) => tensor(v, [g.o])),
        ),
      );
    fc.assert(
      fc.property(arb, ([g, x, w, b]) => {
        gradcheck((xx, ww, bb) => conv2d(xx, ww, bb, { stride: g.stride, padding: g.padding }), [x, w, b]);
      }),
      { numRuns: 12 },
    );
  });
});
