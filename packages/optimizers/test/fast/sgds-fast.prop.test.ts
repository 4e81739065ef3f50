/**
 * SGDS's fast path (src/papers/sgds-fast.ts) against the readable `sgdsUpdate` of sgds.ts on random
 * sizes, gradients and hyperparameters (momentum 0 or not, dampening, Nesterov).
 * Tolerance: test/fast/fast-helpers.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sgdState } from '../../src/baselines/sgd.js';
import type { Resolved } from '../../src/optimizer.js';
import { type SgdsOptions, sgdsUpdate } from '../../src/papers/sgds.js';
import { sgdsUpdateFast } from '../../src/papers/sgds-fast.js';
import { copyState, expectNear, seedArb, seeded, sizeArb } from './fast-helpers.js';

const hyperArb = fc
  .record({
    lr: fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
    momentum: fc.constantFrom(0, 0.5, 0.9),
    dampening: fc.constantFrom(0, 0.1),
    weightDecay: fc.constantFrom(0, 5e-4, 1e-2),
    nesterov: fc.boolean(),
  })
  .map((h) => (h.nesterov ? { ...h, momentum: h.momentum || 0.9, dampening: 0 } : h));

describe('sgdsUpdateFast', () => {
  it('matches sgdsUpdate step by step (weights, buffer, hasBuf)', () => {
    fc.assert(
      fc.property(sizeArb, seedArb, hyperArb, fc.integer({ min: 1, max: 6 }), (n, seed, h, steps) => {
        const w = seeded(n, seed);
        const wFast = w.slice();
        const ref = sgdState(n);
        const fast = copyState(ref);
        for (let t = 1; t <= steps; t++) {
          const g = seeded(n, seed + t, 0.1);
          ref.t = fast.t = t;
          sgdsUpdate(w, g, ref, h as Resolved<SgdsOptions>);
          sgdsUpdateFast(wFast, g, fast, h as Resolved<SgdsOptions>);
        }
        expectNear(wFast, w, 'w');
        expectNear(fast.b, ref.b, 'b');
        expect(fast.hasBuf).toBe(ref.hasBuf);
      }),
      { numRuns: 300 },
    );
  });
});
