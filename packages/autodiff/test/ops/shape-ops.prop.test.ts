import fc from 'fast-check';
import { describe, it } from 'vitest';
import { concat, expand, pad, permute, reshape, slice, tensor, transpose } from '../../src/index.js';
import { gradcheck, PROPERTY_RUNS, shapeArb, valuesArb } from '../testing.js';

const size = (s: readonly number[]) => s.reduce((p, d) => p * d, 1);
const withValues = (s: number[]) => valuesArb(size(s)).map((v) => tensor(v, s));
const nonScalar = shapeArb({ minRank: 1, maxRank: 3, maxDim: 3 });
const run = <T>(arb: fc.Arbitrary<T>, check: (t: T) => void) => fc.assert(fc.property(arb, check), { numRuns: PROPERTY_RUNS });

describe('shape ops: gradcheck on random shapes', () => {
  it('reshape (reversed shape)', () => {
    run(nonScalar.chain(withValues), (x) => {
      gradcheck((a) => reshape(a, [...a.shape].reverse()), [x]);
    });
  });

  it('permute (random permutation) and transpose', () => {
    const arb = nonScalar.chain((s) => fc.tuple(withValues(s), fc.shuffledSubarray(s.map((_, i) => i), { minLength: s.length, maxLength: s.length })));
    run(arb, ([x, axes]) => {
      gradcheck((a) => permute(a, axes), [x]);
      gradcheck((a) => transpose(a, 0, -1), [x]);
    });
  });

  it('expand (add a leading axis of 2, repeat size-1 axes)', () => {
    const arb = shapeArb({ minRank: 1, maxRank: 3, maxDim: 3 })
      .chain((s) => fc.tuple(fc.constant(s), fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length })))
      .chain(([s, ones]) => {
        const src = s.map((d, i) => (ones[i] ? 1 : d));
        return fc.tuple(withValues(src), fc.constant([2, ...s]));
      });
    run(arb, ([x, target]) => {
      gradcheck((a) => expand(a, target), [x]);
    });
  });

  it('slice (random box)', () => {
    const arb = nonScalar.chain((s) =>
      fc.tuple(
        withValues(s),
        fc.tuple(...s.map((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.integer({ min: 0, max: d })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]))),
      ),
    );
    run(arb, ([x, box]) => {
      gradcheck(
        (a) =>
          slice(
            a,
            box.map(([b]) => b),
            box.map(([, e]) => e),
          ),
        [x],
      );
    });
  });

  it('pad (random widths and value)', () => {
    const arb = nonScalar.chain((s) =>
      fc.tuple(withValues(s), fc.tuple(...s.map(() => fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })))), fc.double({ min: -1, max: 1, noNaN: true })),
    );
    run(arb, ([x, widths, value]) => {
      gradcheck((a) => pad(a, widths, value), [x]);
    });
  });

  it('concat (three tensors differing only along the axis)', () => {
    const arb = nonScalar
      .chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: 0, max: s.length - 1 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 })))
      .chain(([s, axis, lens]) => fc.tuple(fc.constant(axis), fc.tuple(...lens.map((l) => withValues(s.map((d, k) => (k === axis ? l : d)))))));
    run(arb, ([axis, xs]) => {
      gradcheck((...ts) => concat(ts, axis), xs);
    });
  });
});
