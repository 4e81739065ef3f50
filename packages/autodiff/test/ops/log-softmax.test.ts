import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logSoftmax, tensor } from '../../src/index.js';
import { expectClose, gradcheck, PROPERTY_RUNS, shapeArb, valuesArb } from '../testing.js';

describe('logSoftmax', () => {
  it('golden values along the last axis', () => {
    // row [0, ln 3]: Σ e = 1 + 3 = 4 → [−ln 4, ln 3 − ln 4] = [−1.386294361, −0.287682072]
    // row [1, 1]: → [−ln 2, −ln 2] = [−0.693147181, −0.693147181]
    expectClose(logSoftmax(tensor([0, Math.log(3), 1, 1], [2, 2]), 1), [-1.386294361, -0.287682072, -Math.LN2, -Math.LN2], { rtol: 1e-6 });
  });

  it('is stable for huge logits (no Inf/NaN) and works along axis 0', () => {
    // [1000, 0] → [0 − ln(1 + e⁻¹⁰⁰⁰), −1000] ≈ [0, −1000]
    expectClose(logSoftmax(tensor([1000, 0], [2]), 0), [0, -1000], { rtol: 1e-6 });
    // column-wise on [[0, 5], [0, 5]]: every column is [−ln 2, −ln 2]
    expectClose(logSoftmax(tensor([0, 5, 0, 5], [2, 2]), 0), new Array(4).fill(-Math.LN2), { rtol: 1e-6 });
  });

  it('axis out of range names the op', () => {
    expect(() => logSoftmax(tensor([1, 2], [2]), 1)).toThrow(/logSoftmax: axis 1 is out of range for a tensor of rank 1/);
  });

  it('exp of the output sums to 1 along the axis (property)', () => {
    const arb = shapeArb({ minRank: 1, maxRank: 3, maxDim: 4 }).chain((s) =>
      fc.tuple(valuesArb(s.reduce((p, d) => p * d, 1), { min: -30, max: 30 }).map((v) => tensor(v, s)), fc.integer({ min: 0, max: s.length - 1 })),
    );
    fc.assert(
      fc.property(arb, ([x, axis]) => {
        const y = logSoftmax(x, axis);
        const len = x.shape[axis];
        const inner = x.shape.slice(axis + 1).reduce((p, d) => p * d, 1);
        for (let o = 0; o < x.size / (len * inner); o++) {
          for (let j = 0; j < inner; j++) {
            let s = 0;
            for (let l = 0; l < len; l++) s += Math.exp(y.data[o * len * inner + l * inner + j]);
            expect(Math.abs(s - 1)).toBeLessThan(1e-5);
          }
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('gradcheck along a random axis', () => {
    const arb = shapeArb({ minRank: 1, maxRank: 3, maxDim: 3 }).chain((s) =>
      fc.tuple(valuesArb(s.reduce((p, d) => p * d, 1), { min: -3, max: 3 }).map((v) => tensor(v, s)), fc.integer({ min: -s.length, max: s.length - 1 })),
    );
    fc.assert(
      fc.property(arb, ([x, axis]) => {
        gradcheck((a) => logSoftmax(a, axis), [x]);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
