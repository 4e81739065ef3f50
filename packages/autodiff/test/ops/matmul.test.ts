import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matmul, sum, tensor } from '../../src/index.js';
import { gradcheck, PROPERTY_RUNS, valuesArb } from '../testing.js';

describe('matmul', () => {
  it('multiplies 2-D matrices', () => {
    // [[1, 2], [3, 4]] · [[5, 6], [7, 8]] = [[1·5+2·7, 1·6+2·8], [3·5+4·7, 3·6+4·8]] = [[19, 22], [43, 50]]
    const y = matmul(tensor([1, 2, 3, 4], [2, 2]), tensor([5, 6, 7, 8], [2, 2]));
    expect(Array.from(y.data)).toEqual([19, 22, 43, 50]);
  });

  it('broadcasts batch axes: [2, 1, 2] · [3, 1] → [2, 1, 1]', () => {
    // batch 0: [1, 2]·[3, 1]ᵀ... b is [2, 1] = [[3], [1]]: 1·3 + 2·1 = 5; batch 1: 3·3 + 4·1 = 13
    const y = matmul(tensor([1, 2, 3, 4], [2, 1, 2]), tensor([3, 1], [2, 1]));
    expect(y.shape).toEqual([2, 1, 1]);
    expect(Array.from(y.data)).toEqual([5, 13]);
  });

  it('sums the gradient of a batch-broadcast operand in float64', () => {
    // a [3, 1, 1] = [2²⁴, 1, 1], b [1, 1] shared by the 3 products: d(Σ a_t·b)/db = 2²⁴ + 1 + 1 = 16777218,
    // which float32 holds exactly; a float32 running sum loses both 1s (2²⁴ + 1 rounds to 2²⁴).
    const b = tensor([1], [1, 1], { requiresGrad: true });
    sum(matmul(tensor([16777216, 1, 1], [3, 1, 1]), b)).backward();
    expect(b.grad!.data[0]).toBe(16777218);
  });

  it('names both shapes and the rule on a mismatch', () => {
    expect(() => matmul(tensor([1, 2, 3, 4, 5, 6], [2, 3]), tensor([1, 2, 3, 4], [2, 2]))).toThrow(
      /matmul: cannot multiply \[2, 3\] by \[2, 2\]; need \[..., m, k\] · \[..., k, n\]/,
    );
    expect(() => matmul(tensor([1, 2, 3, 4], [2, 1, 2]), tensor(new Float32Array(12), [3, 2, 2]))).toThrow(
      /matmul \(batch axes\): shapes \[2\] and \[3\] cannot broadcast/,
    );
  });

  it('gradcheck with random sizes and broadcast batch axes', () => {
    const dims = fc.tuple(
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 3 }),
      fc.constantFrom<[number[], number[]]>([[], []], [[2], []], [[], [2]], [[2, 1], [3]], [[1], [2]]),
    );
    const arb = dims.chain(([m, k, n, [ba, bb]]) => {
      const sa = [...ba, m, k];
      const sb = [...bb, k, n];
      const size = (s: number[]) => s.reduce((p, d) => p * d, 1);
      return fc.tuple(valuesArb(size(sa)).map((v) => tensor(v, sa)), valuesArb(size(sb)).map((v) => tensor(v, sb)));
    });
    fc.assert(
      fc.property(arb, ([a, b]) => {
        gradcheck(matmul, [a, b]);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
