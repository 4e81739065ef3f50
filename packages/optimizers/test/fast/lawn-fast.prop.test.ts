/**
 * LAWN's constrained fast path (src/papers/lawn-fast.ts) against the readable `lawnConstrainedUpdate`
 * of lawn.ts for each base (Adam, LAMB, SGD-momentum with and without Nesterov) on random sizes,
 * gradients and hyperparameters. Tolerance: test/fast/fast-helpers.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { norm } from '../../src/math.js';
import type { Resolved } from '../../src/optimizer.js';
import { type LawnOptions, lawnConstrainedUpdate } from '../../src/papers/lawn.js';
import { LAWN_BASES } from '../../src/papers/lawn-bases.js';
import { lawnConstrainedUpdateFast } from '../../src/papers/lawn-fast.js';
import { copyState, expectNear, seedArb, seeded, sizeArb } from './fast-helpers.js';

const hyperArb = fc.record({
  lr: fc.double({ min: 1e-5, max: 0.1, noNaN: true }),
  beta1: fc.double({ min: 0, max: 0.95, noNaN: true }),
  beta2: fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
  eps: fc.constantFrom(1e-8, 1e-6, 1e-3),
  momentum: fc.constantFrom(0, 0.9),
  nesterov: fc.boolean(),
  biasCorrection: fc.boolean(),
  phi: fc.constant<LawnOptions['phi']>('identity'),
});

describe('lawnConstrainedUpdateFast', () => {
  it('matches lawnConstrainedUpdate step by step for every base (weights, norms, state buffers)', () => {
    fc.assert(
      fc.property(fc.constantFrom('adam', 'lamb', 'sgd' as const), sizeArb.filter((n) => n > 0), seedArb, hyperArb, fc.integer({ min: 1, max: 5 }), (base, n, seed, h0, steps) => {
        const h = (h0.nesterov && h0.momentum === 0 ? { ...h0, nesterov: false } : h0) as Resolved<LawnOptions>;
        const rule = LAWN_BASES[base];
        const w = seeded(n, seed);
        const c = norm(w) || 1;
        const wFast = w.slice();
        const ref = rule.initState(n);
        const fast = copyState(ref);
        const scratch = () => [new Float64Array(n), new Float64Array(n)] as const;
        const [ga, ra] = scratch();
        const [gb, rb] = scratch();
        for (let t = 1; t <= steps; t++) {
          const g = seeded(n, seed + t, 10 ** ((t % 3) - 2));
          ref.t = fast.t = t;
          const nr = lawnConstrainedUpdate(rule, w, g, ref, h, c, ga, ra);
          const nf = lawnConstrainedUpdateFast(rule, wFast, g, fast, h, c, gb, rb);
          expect(Math.abs(nf - nr)).toBeLessThanOrEqual(1e-5 * nr + 1e-7);
        }
        expectNear(wFast, w, 'w');
        for (const [k, v] of Object.entries(ref)) {
          const f = (fast as Record<string, unknown>)[k];
          if (v instanceof Float32Array) expectNear(f as Float32Array, v, k);
          else expect(f).toEqual(v);
        }
      }),
      { numRuns: 300 },
    );
  });
});
