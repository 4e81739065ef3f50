/** Shared arbitraries and tolerances for backend parity tests. */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Conv2dGeometry } from '../../src/backend/backend.js';
import { conv2dGeometry } from '../../src/backend/conv-geometry.js';

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

/** |a − b| ≤ tol·(1 + reduction) elementwise: float32 rounding grows with the reduction length. */
export function expectParity(actual: Float32Array, expected: Float32Array, reduction: number, tol = 2e-6): void {
  expect(actual.length).toBe(expected.length);
  const bound = tol * (1 + reduction);
  let worst = 0;
  let at = -1;
  for (let i = 0; i < actual.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    if (!(d <= worst)) {
      worst = d;
      at = i;
    }
  }
  if (!(worst <= bound)) expect.fail(`max |diff| ${worst} at ${at} exceeds ${bound} (reduction ${reduction})`);
}

/** Random small convolution geometries, strides 1–2, paddings 0–2, kernels 1–3. */
export const convGeometryArb: fc.Arbitrary<Conv2dGeometry> = fc
  .record({
    batch: fc.integer({ min: 1, max: 4 }),
    inChannels: fc.integer({ min: 1, max: 6 }),
    inHeight: fc.integer({ min: 3, max: 9 }),
    inWidth: fc.integer({ min: 3, max: 9 }),
    outChannels: fc.integer({ min: 1, max: 9 }),
    kernelH: fc.integer({ min: 1, max: 3 }),
    kernelW: fc.integer({ min: 1, max: 3 }),
    strideH: fc.integer({ min: 1, max: 2 }),
    strideW: fc.integer({ min: 1, max: 2 }),
    padH: fc.integer({ min: 0, max: 2 }),
    padW: fc.integer({ min: 0, max: 2 }),
  })
  .map((s) => conv2dGeometry({ ...s, padH: Math.min(s.padH, s.kernelH - 1), padW: Math.min(s.padW, s.kernelW - 1) }));

/** Random matmul shapes with both transpose flags. */
export const matmulShapeArb = fc.record({
  m: fc.integer({ min: 1, max: 40 }),
  k: fc.integer({ min: 0, max: 70 }),
  n: fc.integer({ min: 1, max: 40 }),
  transA: fc.boolean(),
  transB: fc.boolean(),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

/** Sizes of x, w and dy for a geometry. */
export function convSizes(g: Conv2dGeometry): { x: number; w: number; y: number } {
  return {
    x: g.batch * g.inChannels * g.inHeight * g.inWidth,
    w: g.outChannels * g.inChannels * g.kernelH * g.kernelW,
    y: g.batch * g.outChannels * g.outHeight * g.outWidth,
  };
}
