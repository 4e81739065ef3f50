/** Random geometries for the gpu.js parity tests (their data and tolerance come from @gapkit/testing). */
import type { Conv2dGeometry } from '@gapkit/autodiff';
import { convGeometry } from '@gapkit/testing';
import fc from 'fast-check';

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
  .map((s) => convGeometry({ ...s, padH: Math.min(s.padH, s.kernelH - 1), padW: Math.min(s.padW, s.kernelW - 1) }));
