import fc from 'fast-check';
import { describe, it } from 'vitest';
import { max, sum, tensor } from '../../src/index.js';
import { distinctValuesArb, gradcheck, PROPERTY_RUNS, shapeArb, valuesArb } from '../testing.js';

const size = (s: number[]) => s.reduce((p, d) => p * d, 1);

/** A shape of rank ≥ 1, a subset of its axes (possibly negative), and keepDims. */
const reduceArb = shapeArb({ minRank: 1, maxRank: 3, maxDim: 3 }).chain((s) =>
  fc.tuple(
    fc.constant(s),
    fc.subarray(s.map((_, i) => i)).map((axes) => axes.map((a, k) => (k % 2 === 0 ? a : a - s.length))),
    fc.boolean(),
  ),
);

describe('reductions: gradcheck', () => {
  it('sum over random axes', () => {
    fc.assert(
      fc.property(
        reduceArb.chain(([s, axes, keep]) => fc.tuple(fc.constant(s), fc.constant(axes), fc.constant(keep), valuesArb(size(s)))),
        ([s, axes, keep, v]) => {
          gradcheck((x) => sum(x, axes, keep), [tensor(v, s)]);
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('max over random axes (distinct values, so the maximum is unique)', () => {
    fc.assert(
      fc.property(
        reduceArb.chain(([s, axes, keep]) => fc.tuple(fc.constant(s), fc.constant(axes), fc.constant(keep), distinctValuesArb(size(s)))),
        ([s, axes, keep, v]) => {
          gradcheck((x) => max(x, axes, keep), [tensor(v, s)], { eps: 5e-3 });
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
