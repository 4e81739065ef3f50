import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convGeometry, convSizes, expectParity, PROPERTY_RUNS, randomArray, smallConvGeometryArb } from '../src/index.js';

describe('randomArray', () => {
  it('is deterministic per seed, in [−1, 1), and seed 0 behaves as seed 1', () => {
    const a = randomArray(1000, 42);
    expect(Array.from(a)).toEqual(Array.from(randomArray(1000, 42)));
    expect(Array.from(a)).not.toEqual(Array.from(randomArray(1000, 43)));
    expect(a.every((v) => v >= -1 && v < 1)).toBe(true);
    expect(Array.from(randomArray(8, 0))).toEqual(Array.from(randomArray(8, 1)));
  });
});

describe('expectParity', () => {
  it('allows tol·(1 + reduction) and no more, naming the worst index', () => {
    // tol 1e-3, reduction 9 → bound 1e-2
    expect(() => expectParity(new Float32Array([0, 0.009]), new Float32Array([0, 0]), 9, 1e-3)).not.toThrow();
    expect(() => expectParity(new Float32Array([0, 0.011]), new Float32Array([0, 0]), 9, 1e-3)).toThrow(/at 1 exceeds/);
  });

  it('fails on a NaN or infinity on one side, wherever it stands, and accepts identical ones', () => {
    const ok = new Float32Array([1, 2, 3]);
    expect(() => expectParity(new Float32Array([Number.NaN, 2, 3]), ok, 1)).toThrow(/NaN at 0 where 1 was expected/);
    expect(() => expectParity(new Float32Array([1, Number.POSITIVE_INFINITY, 3.5]), ok, 1)).toThrow(/Infinity at 1/);
    const special = new Float32Array([Number.NaN, Number.NEGATIVE_INFINITY, 3]);
    expect(() => expectParity(special, special.slice(), 1)).not.toThrow();
  });

  it('rejects a length mismatch', () => {
    expect(() => expectParity(new Float32Array(2), new Float32Array(1), 0)).toThrow(/got 2 values, expected 1/);
  });
});

describe('convGeometry', () => {
  it('derives the output size, with stride 1 and padding 0 by default', () => {
    const spec = { batch: 2, inChannels: 3, inHeight: 5, inWidth: 4, outChannels: 6, kernelH: 3, kernelW: 2 };
    expect(convGeometry(spec)).toMatchObject({ strideH: 1, strideW: 1, padH: 0, padW: 0, outHeight: 3, outWidth: 3 });
    // ⌊(5 + 2 − 3)/2⌋ + 1 = 3, ⌊(4 + 2 − 2)/2⌋ + 1 = 3
    expect(convGeometry({ ...spec, strideH: 2, strideW: 2, padH: 1, padW: 1 })).toMatchObject({ outHeight: 3, outWidth: 3 });
  });

  it('rejects a kernel that does not fit', () => {
    expect(() => convGeometry({ batch: 1, inChannels: 1, inHeight: 2, inWidth: 2, outChannels: 1, kernelH: 3, kernelW: 3 })).toThrow(/does not fit/);
  });
});

describe('convSizes', () => {
  it('counts x [N, C, H, W], w [O, C, KH, KW] and y [N, O, OH, OW]', () => {
    const g = convGeometry({ batch: 2, inChannels: 3, inHeight: 5, inWidth: 4, outChannels: 6, kernelH: 3, kernelW: 2 });
    expect(convSizes(g)).toEqual({ x: 120, w: 108, y: 108 });
  });
});

describe('smallConvGeometryArb', () => {
  it('stays within its bounds, keeps padding below the kernel size and always has an output', () => {
    const arb = smallConvGeometryArb({ maxBatch: 2, maxInChannels: 3, maxSize: 5, maxOutChannels: 4 });
    fc.assert(
      fc.property(arb, (g) => {
        expect(g.batch).toBeLessThanOrEqual(2);
        expect(g.inChannels).toBeLessThanOrEqual(3);
        expect(Math.max(g.inHeight, g.inWidth)).toBeLessThanOrEqual(5);
        expect(g.outChannels).toBeLessThanOrEqual(4);
        expect(g.padH).toBeLessThan(g.kernelH);
        expect(g.padW).toBeLessThan(g.kernelW);
        expect(Math.min(g.outHeight, g.outWidth)).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
