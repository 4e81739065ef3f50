/**
 * Adam's fast path (src/baselines/adam-fast.ts) against the readable `adamUpdate` of adam.ts on random
 * sizes, gradients and hyperparameters: L2 and decoupled decay, with and without AMSGrad.
 * Tolerance: test/fast/fast-helpers.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AdamOptions, adamState, adamUpdate } from '../../src/baselines/adam.js';
import { adamUpdateFast } from '../../src/baselines/adam-fast.js';
import type { Resolved } from '../../src/optimizer.js';
import { copyState, expectNear, seedArb, seeded, sizeArb } from './fast-helpers.js';

const hyperArb = fc.record({
  lr: fc.double({ min: 1e-5, max: 0.1, noNaN: true }),
  beta1: fc.double({ min: 0, max: 0.95, noNaN: true }),
  beta2: fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
  eps: fc.constantFrom(0, 1e-8, 1e-3),
  weightDecay: fc.constantFrom(0, 1e-4, 1e-2, 0.5),
  weightDecayMode: fc.constantFrom<AdamOptions['weightDecayMode']>('l2', 'decoupled'),
  amsgrad: fc.boolean(),
});

describe('adamUpdateFast', () => {
  it('matches adamUpdate step by step (weights, m, v, vMax)', () => {
    fc.assert(
      fc.property(sizeArb, seedArb, hyperArb, fc.integer({ min: 1, max: 6 }), (n, seed, h, steps) => {
        const w = seeded(n, seed);
        const wFast = w.slice();
        const ref = adamState(n, h.amsgrad);
        const fast = copyState(ref);
        for (let t = 1; t <= steps; t++) {
          const g = seeded(n, seed + t, 10 ** ((t % 4) - 3));
          ref.t = fast.t = t;
          adamUpdate(w, g, ref, h as Resolved<AdamOptions>);
          adamUpdateFast(wFast, g, fast, h as Resolved<AdamOptions>);
        }
        expectNear(wFast, w, 'w');
        expectNear(fast.m, ref.m, 'm');
        expectNear(fast.v, ref.v, 'v');
        if (ref.vMax) expectNear(fast.vMax!, ref.vMax, 'vMax');
        else expect(fast.vMax).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
