import { describe, expect, it } from 'vitest';
import { full, ones, randn, Rng, scalar, tensor, zeros } from '../../src/index.js';

describe('tensor creation', () => {
  it('tensor from number[] converts; from Float32Array shares', () => {
    const data = new Float32Array([1, 2]);
    expect(tensor(data, [2]).data).toBe(data);
    const t = tensor([1, 2, 3, 4], [2, 2], { requiresGrad: true });
    expect(t.requiresGrad).toBe(true);
    expect(t.shape).toEqual([2, 2]);
  });

  it('scalar, zeros, ones, full', () => {
    expect(scalar(3).shape).toEqual([]);
    expect(scalar(3).item()).toBe(3);
    expect(Array.from(zeros([2]).data)).toEqual([0, 0]);
    expect(Array.from(ones([1, 2]).data)).toEqual([1, 1]);
    expect(Array.from(full([3], 2.5).data)).toEqual([2.5, 2.5, 2.5]);
  });

  it('randn is reproducible from the Rng and scaled by std', () => {
    const a = randn([1000], new Rng(5), 2);
    expect(Array.from(randn([1000], new Rng(5), 2).data)).toEqual(Array.from(a.data));
    let s = 0;
    let q = 0;
    for (const v of a.data) {
      s += v;
      q += v * v;
    }
    const m = s / 1000;
    const sd = Math.sqrt(q / 1000 - m * m);
    // sample sd of 1000 normals with σ = 2 lies within ±10% with overwhelming probability
    expect(sd).toBeGreaterThan(1.8);
    expect(sd).toBeLessThan(2.2);
    expect(() => randn([2], new Rng(1), -1)).toThrow(/randn: std must be a finite number ≥ 0, got -1/);
  });
});
