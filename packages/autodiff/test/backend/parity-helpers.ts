/** Random shapes for the backend parity tests (their data and tolerance come from @gapkit/testing). */
import fc from 'fast-check';
import type { Conv2dGeometry } from '../../src/backend/backend.js';
import { convGeometry } from '../testing.js';

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
  .map((s) => convGeometry({ ...s, padH: Math.min(s.padH, s.kernelH - 1), padW: Math.min(s.padW, s.kernelW - 1) }));

/** Random matmul shapes with both transpose flags. */
export const matmulShapeArb = fc.record({
  m: fc.integer({ min: 1, max: 40 }),
  k: fc.integer({ min: 0, max: 70 }),
  n: fc.integer({ min: 1, max: 40 }),
  transA: fc.boolean(),
  transB: fc.boolean(),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});
