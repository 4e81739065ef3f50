import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linear, tensor } from '../../src/index.js';
import { gradcheck, PROPERTY_RUNS, valuesArb } from '../testing.js';

describe('linear', () => {
  it('computes x·Wᵀ + b', () => {
    // x = [[1, 2]], W = [[1, 0], [2, 3], [−1, 1]], b = [0.5, 0, −1]
    // y = [1·1+2·0+0.5, 1·2+2·3+0, 1·(−1)+2·1−1] = [1.5, 8, 0]
    const y = linear(tensor([1, 2], [1, 2]), tensor([1, 0, 2, 3, -1, 1], [3, 2]), tensor([0.5, 0, -1], [3]));
    expect(y.shape).toEqual([1, 3]);
    expect(Array.from(y.data)).toEqual([1.5, 8, 0]);
  });

  it('accepts extra leading axes and a null bias', () => {
    const y = linear(tensor([1, 2, 3, 4], [2, 1, 2]), tensor([1, 1], [1, 2]), null);
    expect(y.shape).toEqual([2, 1, 1]);
    expect(Array.from(y.data)).toEqual([3, 7]); // 1+2, 3+4
  });

  it('rejects mismatched shapes, naming them', () => {
    expect(() => linear(tensor([1, 2, 3], [1, 3]), tensor([1, 2], [1, 2]), null)).toThrow(
      /linear: input \[1, 3\] and weight \[1, 2\] do not fit; need x \[..., in\] and W \[out, in\]/,
    );
    expect(() => linear(tensor([1, 2], [1, 2]), tensor([1, 2], [1, 2]), tensor([1, 2], [2]))).toThrow(/linear: bias \[2\] must be \[1\]/);
  });

  it('gradcheck for x, W and b with random sizes', () => {
    const arb = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.boolean())
      .chain(([rows, inF, out, withBias]) =>
        fc.tuple(
          valuesArb(rows * inF).map((v) => tensor(v, [rows, inF])),
          valuesArb(out * inF).map((v) => tensor(v, [out, inF])),
          withBias ? valuesArb(out).map((v) => tensor(v, [out])) : fc.constant(null),
        ),
      );
    fc.assert(
      fc.property(arb, ([x, w, b]) => {
        if (b) gradcheck((xx, ww, bb) => linear(xx, ww, bb), [x, w, b]);
        else gradcheck((xx, ww) => linear(xx, ww, null), [x, w]);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
