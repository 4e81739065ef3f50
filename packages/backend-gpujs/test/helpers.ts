/** Random geometries for the gpu.js parity tests (their data and tolerance come from @gapkit/testing). */
import type { Conv2dGeometry } from '@gapkit/autodiff';
import { smallConvGeometryArb } from '@gapkit/testing';
import type fc from 'fast-check';

/** Small random geometries (batch ≤ 3, channels ≤ 5 in and ≤ 6 out, inputs up to 8×8): each new shape compiles kernels. */
export const convGeometryArb: fc.Arbitrary<Conv2dGeometry> = smallConvGeometryArb({ maxBatch: 3, maxInChannels: 5, maxSize: 8, maxOutChannels: 6 });
