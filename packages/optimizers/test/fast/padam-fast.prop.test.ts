/**
 * Padam's fast path (src/papers/padam-fast.ts) against the readable `padamUpdate` of padam.ts on
 * random sizes, gradients, hyperparameters, every special-cased p and some that are not, with and
 * without the running max. Tolerance: test/fast/fast-helpers.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Resolved } from '../../src/optimizer.js';
import { type PadamOptions, type PadamState, padamUpdate } from '../../src/papers/padam.js';
import { padamUpdateFast } from '../../src/papers/padam-fast.js';
import { copyState, expectNear, seedArb, seeded, sizeArb } from './fast-helpers.js';

const hyperArb = fc.record({
  lr: fc.double({ min: 1e-4, max: 0.2, noNaN: true }),
  p: fc.oneof(fc.constantFrom(0, 1 / 16, 0.125, 0.25, 0.5), fc.double({ min: 0, max: 0.5, noNaN: true })),
  beta1: fc.double({ min: 0, max: 0.95, noNaN: true }),
  beta2: fc.double({ min: 0.5, max: 0.999, noNaN: true }),
  eps: fc.constantFrom(0, 1e-8, 1e-3),
  weightDecay: fc.constantFrom(0, 1e-4, 5e-4, 1e-2),
  amsgrad: fc.boolean(),
  biasCorrection: fc.constantFrom<PadamOptions['biasCorrection']>('code', 'none', 'consistent'),
});

describe('padamUpdateFast', () => {
  it('matches padamUpdate step by step (weights, m, v, v̂)', () => {
    fc.assert(
      fc.property(sizeArb, seedArb, hyperArb, fc.integer({ min: 1, max: 6 }), (n, seed, h, steps) => {
        const w = seeded(n, seed);
        const ref: PadamState = { t: 0, m: new Float32Array(n), v: new Float32Array(n), vHat: h.amsgrad ? new Float32Array(n) : null };
        const fast = copyState(ref);
        const wFast = w.slice();
        for (let t = 1; t <= steps; t++) {
          // Gradients with zeros in them (eps = 0 and v = 0 give 0/0 in both, NaN in both).
          const g = seeded(n, seed + t, 10 ** ((t % 3) - 2));
          if (n > 0 && t === 1) g[0] = 0;
          ref.t = fast.t = t;
          padamUpdate(w, g, ref, h as Resolved<PadamOptions>);
          padamUpdateFast(wFast, g, fast, h as Resolved<PadamOptions>);
        }
        expectNear(wFast, w, 'w');
        expectNear(fast.m, ref.m, 'm');
        expectNear(fast.v, ref.v, 'v');
        if (ref.vHat) expectNear(fast.vHat!, ref.vHat, 'vHat');
        else expect(fast.vHat).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('keeps 0/0 a NaN where the reference gives one (ε = 0, zero gradient, no decay)', () => {
    const h = { lr: 0.1, p: 0.125, beta1: 0.9, beta2: 0.999, eps: 0, weightDecay: 0, amsgrad: true, biasCorrection: 'none' } as Resolved<PadamOptions>;
    const s: PadamState = { t: 1, m: new Float32Array(2), v: new Float32Array(2), vHat: new Float32Array(2) };
    const w = Float32Array.from([1, 1]);
    padamUpdateFast(w, Float32Array.from([0, 1]), s, h);
    expect(Number.isNaN(w[0])).toBe(true);
    expect(Number.isFinite(w[1])).toBe(true);
  });
});
