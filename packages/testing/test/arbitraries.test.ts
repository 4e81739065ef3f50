import { broadcastShapes } from '@gapkit/autodiff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { broadcastPairArb, distinctValuesArb, PROPERTY_RUNS, shapeArb, valuesArb } from '../src/index.js';

describe('arbitraries', () => {
  it('shapeArb respects its rank and size bounds', () => {
    fc.assert(
      fc.property(shapeArb({ minRank: 1, maxRank: 3, minDim: 2, maxDim: 5 }), (s) => {
        expect(s.length).toBeGreaterThanOrEqual(1);
        expect(s.length).toBeLessThanOrEqual(3);
        for (const d of s) expect(d >= 2 && d <= 5).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('broadcastPairArb yields pairs that broadcast', () => {
    fc.assert(
      fc.property(broadcastPairArb(), ([a, b]) => {
        expect(() => broadcastShapes('test', a, b)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });

  it('broadcastPairArb sometimes yields unequal shapes (it exercises broadcasting)', () => {
    const samples = fc.sample(broadcastPairArb(), { numRuns: 200, seed: 1 });
    expect(samples.some(([a, b]) => a.join() !== b.join())).toBe(true);
  });

  it('valuesArb stays in bounds and away from the avoided points', () => {
    fc.assert(
      fc.property(valuesArb(20, { min: -1, max: 1, avoid: [0], margin: 0.05 }), (v) => {
        expect(v.length).toBe(20);
        for (const x of v) {
          expect(Math.abs(x)).toBeGreaterThanOrEqual(Math.fround(0.05) - 1e-7);
          expect(Math.abs(x)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('distinctValuesArb values are pairwise at least `spacing` apart', () => {
    fc.assert(
      fc.property(distinctValuesArb(12, 0.1), (v) => {
        const s = Array.from(v).sort((x, y) => x - y);
        for (let i = 1; i < s.length; i++) expect(s[i] - s[i - 1]).toBeGreaterThan(0.099);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
