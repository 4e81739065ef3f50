import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gather, sum, tensor } from '../../src/index.js';
import { gradcheck, PROPERTY_RUNS, valuesArb } from '../testing.js';

// table [3, 2] = [[0, 1], [10, 11], [20, 21]]
const table = (requiresGrad = false) => tensor([0, 1, 10, 11, 20, 21], [3, 2], { requiresGrad });

describe('gather', () => {
  it('looks up rows, repeats allowed', () => {
    const y = gather(table(), new Int32Array([2, 0, 2]));
    expect(y.shape).toEqual([3, 2]);
    expect(Array.from(y.data)).toEqual([20, 21, 0, 1, 20, 21]);
  });

  it('scatter-adds the gradient: a row used twice gets both contributions, an unused row gets 0', () => {
    const t = table(true);
    sum(gather(t, new Int32Array([2, 0, 2]))).backward();
    expect(Array.from(t.grad!.data)).toEqual([1, 1, 0, 0, 2, 2]);
  });

  it('names the position and value of a bad index', () => {
    expect(() => gather(table(), new Int32Array([0, 3]))).toThrow(/gather: indices\[1\] = 3 is out of range for 3 rows \(expected 0..2\)/);
    expect(() => gather(table(), new Int32Array([-1]))).toThrow(/indices\[0\] = -1/);
    expect(() => gather(tensor([1, 2], [2]), new Int32Array([0]))).toThrow(/gather: table must be \[n, d\], got \[2\]/);
  });

  it('gradcheck with random indices (with repeats)', () => {
    const arb = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }))
      .chain(([n, d]) =>
        fc.tuple(valuesArb(n * d).map((v) => tensor(v, [n, d])), fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: 6 })),
      );
    fc.assert(
      fc.property(arb, ([t, idx]) => {
        gradcheck((a) => gather(a, Int32Array.from(idx)), [t]);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
