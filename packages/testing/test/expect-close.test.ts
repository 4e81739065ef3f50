import { tensor } from '@gapkit/autodiff';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../src/index.js';

describe('expectClose', () => {
  it('accepts values within atol + rtol·|expected|', () => {
    // 1.0009 vs 1: error 9e-4 ≤ 0 + 1e-3·1
    expect(() => expectClose([1.0009], [1], { rtol: 1e-3, atol: 0 })).not.toThrow();
    expect(() => expectClose(tensor([2, 3], [2]), new Float32Array([2, 3]))).not.toThrow();
  });

  it('rejects an element just outside, naming the worst index', () => {
    // 1.0011 vs 1: error 1.1e-3 > 1e-3
    expect(() => expectClose([0, 1.0011], [0, 1], { rtol: 1e-3, atol: 0, what: 'w' })).toThrow(/expectClose\(w\).*\[1\]/);
  });

  it('rejects NaN and length mismatches', () => {
    expect(() => expectClose([Number.NaN], [0], { atol: 1 })).toThrow(/out of tolerance/);
    expect(() => expectClose([1, 2], [1])).toThrow(/got 2 values, expected 1/);
  });
});
