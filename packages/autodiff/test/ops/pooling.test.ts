import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { avgPool2d, globalAvgPool2d, maxPool2d, tensor } from '../../src/index.js';
import { distinctValuesArb, gradcheck, PROPERTY_RUNS, valuesArb } from '../testing.js';

// x (1×1×4×4) = [[ 1,  2,  3,  4],
//               [ 5,  6,  7,  8],
//               [ 9, 10, 11, 12],
//               [13, 14, 15, 16]]
const x = () => tensor(Float32Array.from({ length: 16 }, (_, i) => i + 1), [1, 1, 4, 4]);

const geometryArb = fc
  .record({
    h: fc.integer({ min: 2, max: 5 }),
    w: fc.integer({ min: 2, max: 5 }),
    k: fc.integer({ min: 1, max: 2 }),
    s: fc.integer({ min: 1, max: 2 }),
    p: fc.integer({ min: 0, max: 1 }),
  })
  .filter((g) => 2 * g.p <= g.k);

describe('pooling', () => {
  it('maxPool2d 2×2 stride 2', () => {
    // windows: max(1,2,5,6)=6, max(3,4,7,8)=8, max(9,10,13,14)=14, max(11,12,15,16)=16
    expect(Array.from(maxPool2d(x(), 2).data)).toEqual([6, 8, 14, 16]);
  });

  it('maxPool2d with padding ignores the padded border (−∞)', () => {
    // 3×3 stride 1 padding 1 on [[−1, −2], [−3, −4]] → every window holds −1 → [−1, −1, −1, −1]
    expect(Array.from(maxPool2d(tensor([-1, -2, -3, -4], [1, 1, 2, 2]), 3, 1, 1).data)).toEqual([-1, -1, -1, -1]);
  });

  it('avgPool2d 2×2 stride 2, and padding counts in the divisor', () => {
    // (1+2+5+6)/4 = 3.5, (3+4+7+8)/4 = 5.5, (9+10+13+14)/4 = 11.5, (11+12+15+16)/4 = 13.5
    expect(Array.from(avgPool2d(x(), 2).data)).toEqual([3.5, 5.5, 11.5, 13.5]);
    // 2×2 stride 2 padding 1 on 2×2 [[4, 8], [12, 16]]: each window holds one real value → 4/4, 8/4, 12/4, 16/4
    expect(Array.from(avgPool2d(tensor([4, 8, 12, 16], [1, 1, 2, 2]), 2, 2, 1).data)).toEqual([1, 2, 3, 4]);
  });

  it('globalAvgPool2d averages each plane to [N, C]', () => {
    const y = globalAvgPool2d(x());
    expect(y.shape).toEqual([1, 1]);
    expect(y.item()).toBe(8.5); // (1+…+16)/16 = 136/16
  });

  it('reject bad geometry, naming the op', () => {
    expect(() => maxPool2d(x(), 2, 2, 2)).toThrow(/maxPool2d: padding \[2, 2\] must be at most half the kernel \[2, 2\]/);
    expect(() => avgPool2d(tensor([1, 2], [1, 2]), 2)).toThrow(/avgPool2d: input must be \[N, C, H, W\], got \[1, 2\]/);
    expect(() => globalAvgPool2d(tensor([1, 2], [1, 2]))).toThrow(/globalAvgPool2d: input must be \[N, C, H, W\]/);
  });

  it('maxPool2d gradcheck (distinct values, so each window has one maximum)', () => {
    const arb = geometryArb.chain((g) => fc.tuple(fc.constant(g), distinctValuesArb(2 * g.h * g.w).map((v) => tensor(v, [1, 2, g.h, g.w]))));
    fc.assert(
      fc.property(arb, ([g, t]) => {
        gradcheck((a) => maxPool2d(a, g.k, g.s, g.p), [t], { eps: 5e-3 });
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('avgPool2d and globalAvgPool2d gradcheck', () => {
    const arb = geometryArb.chain((g) => fc.tuple(fc.constant(g), valuesArb(2 * g.h * g.w).map((v) => tensor(v, [2, 1, g.h, g.w]))));
    fc.assert(
      fc.property(arb, ([g, t]) => {
        gradcheck((a) => avgPool2d(a, g.k, g.s, g.p), [t]);
        gradcheck(globalAvgPool2d, [t]);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
