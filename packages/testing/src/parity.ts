/** Geometries, deterministic data and a reduction-aware tolerance for backend parity tests. */
import { type Conv2dGeometry, conv2dGeometry } from '@gapkit/autodiff';
import fc from 'fast-check';

/** Deterministic uniform values in [−1, 1) (xorshift32 from `seed`). */
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

/**
 * Throws unless the lengths match and |a − b| ≤ tol·(1 + reduction) elementwise: float32 rounding grows
 * with the reduction length. The message names the worst element.
 */
export function expectParity(actual: Float32Array, expected: Float32Array, reduction: number, tol = 2e-6): void {
  if (actual.length !== expected.length) throw new Error(`expectParity: got ${actual.length} values, expected ${expected.length}`);
  const bound = tol * (1 + reduction);
  let worst = 0;
  let at = -1;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === expected[i] || (Number.isNaN(actual[i]) && Number.isNaN(expected[i]))) continue;
    const d = Math.abs(actual[i] - expected[i]);
    // A NaN or infinity on one side only is a failure however small the other differences are.
    if (!Number.isFinite(d)) throw new Error(`expectParity: ${actual[i]} at ${i} where ${expected[i]} was expected`);
    if (d > worst) {
      worst = d;
      at = i;
    }
  }
  if (!(worst <= bound)) throw new Error(`expectParity: max |diff| ${worst} at ${at} exceeds ${bound} (reduction ${reduction})`);
}

/** What defines a convolution; output sizes are derived. Stride defaults to 1, padding to 0. */
export interface Conv2dSpec {
  readonly batch: number;
  readonly inChannels: number;
  readonly inHeight: number;
  readonly inWidth: number;
  readonly outChannels: number;
  readonly kernelH: number;
  readonly kernelW: number;
  readonly strideH?: number;
  readonly strideW?: number;
  readonly padH?: number;
  readonly padW?: number;
}

/** The full geometry for `s`, through autodiff's `conv2dGeometry` (which derives and checks the output size). */
export function convGeometry(s: Conv2dSpec): Conv2dGeometry {
  const x = [s.batch, s.inChannels, s.inHeight, s.inWidth];
  const w = [s.outChannels, s.inChannels, s.kernelH, s.kernelW];
  return conv2dGeometry(x, w, { stride: [s.strideH ?? 1, s.strideW ?? 1], padding: [s.padH ?? 0, s.padW ?? 0] });
}

/** Upper bounds for `smallConvGeometryArb` (the lower bounds are fixed: 1 image, 1 channel, 3×3 input). */
export interface SmallConvGeometryBounds {
  readonly maxBatch: number;
  readonly maxInChannels: number;
  /** Largest input height and width. */
  readonly maxSize: number;
  readonly maxOutChannels: number;
}

/** Random small convolution geometries: kernels 1–3, strides 1–2, padding 0–2 but below the kernel size. */
export function smallConvGeometryArb(b: SmallConvGeometryBounds): fc.Arbitrary<Conv2dGeometry> {
  return fc
    .record({
      batch: fc.integer({ min: 1, max: b.maxBatch }),
      inChannels: fc.integer({ min: 1, max: b.maxInChannels }),
      inHeight: fc.integer({ min: 3, max: b.maxSize }),
      inWidth: fc.integer({ min: 3, max: b.maxSize }),
      outChannels: fc.integer({ min: 1, max: b.maxOutChannels }),
      kernelH: fc.integer({ min: 1, max: 3 }),
      kernelW: fc.integer({ min: 1, max: 3 }),
      strideH: fc.integer({ min: 1, max: 2 }),
      strideW: fc.integer({ min: 1, max: 2 }),
      padH: fc.integer({ min: 0, max: 2 }),
      padW: fc.integer({ min: 0, max: 2 }),
    })
    .map((s) => convGeometry({ ...s, padH: Math.min(s.padH, s.kernelH - 1), padW: Math.min(s.padW, s.kernelW - 1) }));
}

/** Element counts of x, w and y (= dy) for a convolution geometry. */
export function convSizes(g: Conv2dGeometry): { x: number; w: number; y: number } {
  return {
    x: g.batch * g.inChannels * g.inHeight * g.inWidth,
    w: g.outChannels * g.inChannels * g.kernelH * g.kernelW,
    y: g.batch * g.outChannels * g.outHeight * g.outWidth,
  };
}
