/** Arbitraries, deterministic data and a reduction-aware tolerance for gpu.js parity tests. */
import type { Conv2dGeometry } from '@gapkit/autodiff';
import fc from 'fast-check';
import { expect } from 'vitest';

/** Deterministic uniform values in [−1, 1). */
export function randomArray(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = ((s >>> 0) / 2 ** 32) * 2 - 1;
  }
  return out;
}

/** |a − b| ≤ tol·(1 + reduction): float32 rounding error grows with the reduction length. */
export function expectParity(actual: Float32Array, expected: Float32Array, reduction: number, tol = 2e-6): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    if (!(d <= worst)) worst = d;
  }
  const bound = tol * (1 + reduction);
  if (!(worst <= bound)) expect.fail(`max |diff| ${worst} exceeds ${bound} (reduction ${reduction})`);
}

/** A full geometry from the defining numbers. */
export function geometry(s: Omit<Conv2dGeometry, 'outHeight' | 'outWidth'>): Conv2dGeometry {
  return {
    ...s,
    outHeight: Math.floor((s.inHeight + 2 * s.padH - s.kernelH) / s.strideH) + 1,
    outWidth: Math.floor((s.inWidth + 2 * s.padW - s.kernelW) / s.strideW) + 1,
  };
}

/** Small random geometries: kernels 1–3, strides 1–2, padding below the kernel size. */
export const convGeometryArb: fc.Arbitrary<Conv2dGeometry> = fc
  .record({
    batch: fc.integer({ min: 1, max: 3 }),
    inChannels: fc.integer({ min: 1, max: 5 }),
    inHeight: fc.integer({ min: 3, max: 8 }),
    inWidth: fc.integer({ min: 3, max: 8 }),
    outChannels: fc.integer({ min: 1, max: 6 }),
    kernelH: fc.integer({ min: 1, max: 3 }),
    kernelW: fc.integer({ min: 1, max: 3 }),
    strideH: fc.integer({ min: 1, max: 2 }),
    strideW: fc.integer({ min: 1, max: 2 }),
    padH: fc.integer({ min: 0, max: 2 }),
    padW: fc.integer({ min: 0, max: 2 }),
  })
  .map((s) => geometry({ ...s, padH: Math.min(s.padH, s.kernelH - 1), padW: Math.min(s.padW, s.kernelW - 1) }));

/** Element counts of x, w and y. */
export function convSizes(g: Conv2dGeometry): { x: number; w: number; y: number } {
  return {
    x: g.batch * g.inChannels * g.inHeight * g.inWidth,
    w: g.outChannels * g.inChannels * g.kernelH * g.kernelW,
    y: g.batch * g.outChannels * g.outHeight * g.outWidth,
  };
}
