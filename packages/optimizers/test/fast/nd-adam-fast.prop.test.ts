/**
 * ND-Adam's vector fast path (src/papers/nd-adam-fast.ts) against the readable `ndAdamVectorUpdate`
 * of nd-adam.ts on random shapes and unit axes (contiguous ones take the fast loops, the others the
 * reference), both variants, random gradients and hyperparameters. Tolerance: test/fast/fast-helpers.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitLayout } from '../../src/math.js';
import type { Resolved } from '../../src/optimizer.js';
import { type NdAdamOptions, type NdAdamState, ndAdamVectorUpdate } from '../../src/papers/nd-adam.js';
import { isContiguousLayout, ndAdamVectorUpdateFast } from '../../src/papers/nd-adam-fast.js';
import { copyState, expectNear, seedArb, seeded } from './fast-helpers.js';

const hyperArb = fc.record({
  lr: fc.constant(1e-3),
  lrVector: fc.double({ min: 1e-4, max: 0.2, noNaN: true }),
  beta1: fc.double({ min: 0, max: 0.95, noNaN: true }),
  beta2: fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
  eps: fc.constantFrom(0, 1e-8, 1e-3),
  variant: fc.constantFrom<NdAdamOptions['variant']>('paper', 'code'),
});

/** A shape of rank 2–4 and a non-empty proper subset of its axes as unit axes. */
const shapeArb = fc
  .array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 4 })
  .chain((shape) => fc.tuple(fc.constant(shape), fc.subarray([...shape.keys()], { minLength: 1, maxLength: shape.length - 1 })));

describe('ndAdamVectorUpdateFast', () => {
  it('is fast only where units are contiguous', () => {
    expect(isContiguousLayout(unitLayout([4, 3, 3, 3], [1, 2, 3]))).toBe(true);
    expect(isContiguousLayout(unitLayout([4, 5], [1]))).toBe(true);
    expect(isContiguousLayout(unitLayout([4, 5], [0]))).toBe(false);
  });

  it('matches ndAdamVectorUpdate step by step (weights, m, per-unit v, zero-norm count)', () => {
    fc.assert(
      fc.property(shapeArb, seedArb, hyperArb, fc.integer({ min: 1, max: 5 }), ([shape, axes], seed, h, steps) => {
        const L = unitLayout(shape, axes);
        const n = L.numUnits * L.unitSize;
        const w = seeded(n, seed);
        if (seed % 5 === 0) w.fill(0, 0, L.unitSize); // a zero unit in some cases (w̄ stays 0 only if m is 0 too)
        const wFast = w.slice();
        const ref: NdAdamState = { t: 0, m: new Float32Array(n), v: new Float32Array(L.numUnits) };
        const fast = copyState(ref);
        const scratchRef = { w: new Float64Array(L.unitSize), g: new Float64Array(L.unitSize) };
        const scratchFast = { w: new Float64Array(L.unitSize), g: new Float64Array(L.unitSize) };
        for (let t = 1; t <= steps; t++) {
          const g = seeded(n, seed + t, 10 ** ((t % 3) - 2));
          ref.t = fast.t = t;
          const zr = ndAdamVectorUpdate(w, g, ref, h as Resolved<NdAdamOptions>, L, scratchRef);
          const zf = ndAdamVectorUpdateFast(wFast, g, fast, h as Resolved<NdAdamOptions>, L, scratchFast);
          expect(zf).toBe(zr);
        }
        expectNear(wFast, w, 'w');
        expectNear(fast.m, ref.m, 'm');
        expectNear(fast.v, ref.v, 'v');
      }),
      { numRuns: 300 },
    );
  });
});
