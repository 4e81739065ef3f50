/**
 * AdamS's fast passes (src/papers/adams-fast.ts) against the readable `adamSSecondMomentSum` and
 * `adamSUpdate` of adams.ts on random sizes, gradients and hyperparameters, with and without AMSGrad.
 * Tolerance: test/fast/fast-helpers.ts (the sum: same float64 order, so equal to rtol 1e-12).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Resolved } from '../../src/optimizer.js';
import { type AdamSOptions, type AdamSState, adamSSecondMomentSum, adamSUpdate } from '../../src/papers/adams.js';
import { adamSSecondMomentSumFast, adamSUpdateFast } from '../../src/papers/adams-fast.js';
import { copyState, expectNear, seedArb, seeded, sizeArb } from './fast-helpers.js';

const hyperArb = fc.record({
  lr: fc.double({ min: 1e-5, max: 0.1, noNaN: true }),
  beta1: fc.double({ min: 0, max: 0.95, noNaN: true }),
  beta2: fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
  eps: fc.constantFrom(0, 1e-8, 1e-3),
  weightDecay: fc.constantFrom(0, 5e-4, 1e-2),
  amsgrad: fc.boolean(),
});

describe('AdamS fast passes', () => {
  it('match the reference step by step (v̄ sum, weights, m, v, vMax)', () => {
    fc.assert(
      fc.property(sizeArb.filter((n) => n > 0), seedArb, hyperArb, fc.integer({ min: 1, max: 6 }), (n, seed, h, steps) => {
        const w = seeded(n, seed);
        const wFast = w.slice();
        const ref: AdamSState = { t: 0, m: new Float32Array(n), v: new Float32Array(n), vMax: h.amsgrad ? new Float32Array(n) : null };
        const fast = copyState(ref);
        const hh = h as Resolved<AdamSOptions>;
        for (let t = 1; t <= steps; t++) {
          const g = seeded(n, seed + t, 10 ** ((t % 4) - 3));
          ref.t = fast.t = t;
          const sumRef = adamSSecondMomentSum(g, ref, ref.vMax, hh);
          const sumFast = adamSSecondMomentSumFast(g, fast, fast.vMax, hh);
          expect(Math.abs(sumFast - sumRef)).toBeLessThanOrEqual(1e-12 * Math.abs(sumRef));
          const sqrtVBar = Math.sqrt(sumRef / n) || 1;
          adamSUpdate(w, g, ref, hh, sqrtVBar);
          adamSUpdateFast(wFast, g, fast, hh, sqrtVBar);
        }
        expectNear(wFast, w, 'w');
        expectNear(fast.m, ref.m, 'm');
        expectNear(fast.v, ref.v, 'v');
        if (ref.vMax) expectNear(fast.vMax!, ref.vMax, 'vMax');
      }),
      { numRuns: 300 },
    );
  });
});
