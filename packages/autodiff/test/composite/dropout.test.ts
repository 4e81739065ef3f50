import { describe, expect, it } from 'vitest';
import { dropout, ones, Rng, sum, tensor } from '../../src/index.js';

describe('dropout', () => {
  it('eval and p = 0 are the identity (same tensor)', () => {
    const x = ones([4]);
    expect(dropout(x, 0.5, new Rng(1), false)).toBe(x);
    expect(dropout(x, 0, new Rng(1), true)).toBe(x);
  });

  it('training zeroes elements and scales survivors by 1/(1 − p)', () => {
    const y = dropout(ones([1000]), 0.25, new Rng(3), true);
    const values = new Set(Array.from(y.data));
    expect([...values].sort()).toEqual([0, Math.fround(1 / 0.75)]);
    const dropped = y.data.filter((v) => v === 0).length;
    // Binomial(1000, 0.25): mean 250, sd ≈ 13.7; ±5 sd
    expect(dropped).toBeGreaterThan(250 - 69);
    expect(dropped).toBeLessThan(250 + 69);
  });

  it('is deterministic given the Rng, and the gradient is the mask', () => {
    const a = dropout(ones([20]), 0.5, new Rng(9), true);
    const b = dropout(ones([20]), 0.5, new Rng(9), true);
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    const x = tensor(new Float32Array(20).fill(3), [20], { requiresGrad: true });
    const y = dropout(x, 0.5, new Rng(9), true);
    sum(y).backward();
    expect(Array.from(x.grad!.data)).toEqual(Array.from(a.data));
  });

  it('p = 1 zeroes everything; p outside [0, 1] is refused', () => {
    expect(Array.from(dropout(ones([3]), 1, new Rng(1), true).data)).toEqual([0, 0, 0]);
    expect(() => dropout(ones([3]), 1.5, new Rng(1), true)).toThrow(/dropout: p must be in \[0, 1\], got 1.5/);
  });
});
