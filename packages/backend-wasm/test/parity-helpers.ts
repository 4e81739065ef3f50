/** Random shapes for the backend parity tests (their data and tolerance come from @gapkit/testing). */
import fc from 'fast-check';
import type { Conv2dGeometry } from '@gapkit/autodiff';
import { smallConvGeometryArb } from '@gapkit/testing';

/** Random small convolution geometries (batch ≤ 4, channels ≤ 6 in and ≤ 9 out, inputs up to 9×9). */
export const convGeometryArb: fc.Arbitrary<Conv2dGeometry> = smallConvGeometryArb({ maxBatch: 4, maxInChannels: 6, maxSize: 9, maxOutChannels: 9 });

/** Random matmul shapes with both transpose flags. */
export const matmulShapeArb = fc.record({
  m: fc.integer({ min: 1, max: 40 }),
  k: fc.integer({ min: 0, max: 70 }),
  n: fc.integer({ min: 1, max: 40 }),
  transA: fc.boolean(),
  transB: fc.boolean(),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});
