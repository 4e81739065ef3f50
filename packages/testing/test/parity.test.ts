import { describe, expect, it } from 'vitest';
import { convSizes, expectParity, randomArray } from '../src/index.js';

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

  it('rejects a length mismatch', () => {
    expect(() => expectParity(new Float32Array(2), new Float32Array(1), 0)).toThrow(/got 2 values, expected 1/);
  });
});

describe('convSizes', () => {
  it('counts x [N, C, H, W], w [O, C, KH, KW] and y [N, O, OH, OW]', () => {
    const g = { batch: 2, inChannels: 3, inHeight: 5, inWidth: 4, outChannels: 6, kernelH: 3, kernelW: 2, strideH: 1, strideW: 1, padH: 0, padW: 0, outHeight: 3, outWidth: 3 };
    expect(convSizes(g)).toEqual({ x: 120, w: 108, y: 108 });
  });
});
