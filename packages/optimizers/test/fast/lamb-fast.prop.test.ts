/**
 * LAMB's fast path (src/baselines/lamb-fast.ts) against the readable `lambUpdate` of lamb.ts on random
 * sizes, gradients and hyperparameters (both φ, with and without bias correction).
 * Tolerance: test/fast/fast-helpers.ts.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { type LambOptions, type LambState, lambUpdate } from '../../src/baselines/lamb.js';
import { lambUpdateFast } from '../../src/baselines/lamb-fast.js';
import type { Resolved } from '../../src/optimizer.js';
import { copyState, expectNear, seedArb, seeded, sizeArb } from './fast-helpers.js';

const hyperArb = fc.record({
  lr: fc.double({ min: 1e-5, max: 0.1, noNaN: true }),
  beta1: fc.double({ min: 0, max: 0.95, noNaN: true }),
  beta2: fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
  eps: fc.constantFrom(0, 1e-6, 1e-3),
  weightDecay: fc.constantFrom(0, 1e-2, 0.1),
  biasCorrection: fc.boolean(),
  phi: fc.constantFrom<LambOptions['phi']>('identity', 'min10'),
});

describe('lambUpdateFast', () => {
  it('matches lambUpdate step by step (weights, m, v)', () => {
    fc.assert(
      fc.property(sizeArb, seedArb, hyperArb, fc.integer({ min: 1, max: 6 }), fc.constantFrom(1, 30), (n, seed, h, steps, scale) => {
        const w = seeded(n, seed, scale);
        const wFast = w.slice();
        const ref: LambState = { t: 0, m: new Float32Array(n), v: new Float32Array(n) };
        const fast = copyState(ref);
        const u = new Float64Array(n);
        for (let t = 1; t <= steps; t++) {
          const g = seeded(n, seed + t, 10 ** ((t % 4) - 3));
          if (n > 0 && t === 1) g[0] = 0;
          ref.t = fast.t = t;
          lambUpdate(w, g, ref, h as Resolved<LambOptions>, u);
          lambUpdateFast(wFast, g, fast, h as Resolved<LambOptions>, u);
        }
        expectNear(wFast, w, 'w');
        expectNear(fast.m, ref.m, 'm');
        expectNear(fast.v, ref.v, 'v');
      }),
      { numRuns: 300 },
    );
  });
});
