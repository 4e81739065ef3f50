import { describe, expect, it } from 'vitest';
import { fans, kaimingNormal, kaimingUniform, normalInit, Rng, uniformInit, xavierNormal, xavierUniform } from '../../src/index.js';

/** Sample mean and standard deviation, accumulated in float64. */
function moments(v: Float32Array): { mean: number; std: number; maxAbs: number } {
  let s = 0;
  let q = 0;
  let maxAbs = 0;
  for (const x of v) {
    s += x;
    q += x * x;
    maxAbs = Math.max(maxAbs, Math.abs(x));
  }
  const mean = s / v.length;
  return { mean, std: Math.sqrt(q / v.length - mean * mean), maxAbs };
}

// Conv weight [64, 32, 3, 3]: receptive field 9, fanIn = 32·9 = 288, fanOut = 64·9 = 576, 18,432 values.
// The sample std of n = 18,432 draws is within ±3% of σ far beyond 5 standard errors (σ/√(2n) ≈ 0.5%).
const CONV = [64, 32, 3, 3];

describe('initializers', () => {
  it('fans: fanIn = in·∏k, fanOut = out·∏k; rank < 2 is refused', () => {
    expect(fans(CONV)).toEqual({ fanIn: 288, fanOut: 576 });
    expect(fans([10, 4])).toEqual({ fanIn: 4, fanOut: 10 });
    expect(() => fans([5])).toThrow(/fans: need a weight of rank ≥ 2, got rank 1/);
  });

  it('kaimingNormal: std = gain/√fan (√2/√288 = 0.083333 by fanIn, √2/√576 = 0.058926 by fanOut)', () => {
    const a = moments(kaimingNormal(CONV, new Rng(1)));
    expect(Math.abs(a.std / (Math.SQRT2 / Math.sqrt(288)) - 1)).toBeLessThan(0.03);
    expect(Math.abs(a.mean)).toBeLessThan(0.003);
    const b = moments(kaimingNormal(CONV, new Rng(1), { mode: 'fanOut', gain: 1 }));
    expect(Math.abs(b.std / (1 / Math.sqrt(576)) - 1)).toBeLessThan(0.03);
  });

  it('kaimingUniform: within ±gain·√(3/fan) = ±0.144338, reaching the bound, std = bound/√3', () => {
    const bound = Math.SQRT2 * Math.sqrt(3 / 288);
    const m = moments(kaimingUniform(CONV, new Rng(2)));
    expect(m.maxAbs).toBeLessThanOrEqual(bound);
    expect(m.maxAbs).toBeGreaterThan(0.99 * bound);
    expect(Math.abs(m.std / (bound / Math.sqrt(3)) - 1)).toBeLessThan(0.03);
  });

  it('xavierUniform: within ±√(6/(fanIn + fanOut)) = ±0.141421 for [200, 100]; xavierNormal std √(2/300) = 0.081650', () => {
    const bound = Math.sqrt(6 / 300);
    const u = moments(xavierUniform([200, 100], new Rng(3)));
    expect(u.maxAbs).toBeLessThanOrEqual(bound);
    expect(u.maxAbs).toBeGreaterThan(0.99 * bound);
    const n = moments(xavierNormal([200, 100], new Rng(3), 2));
    expect(Math.abs(n.std / (2 * Math.sqrt(2 / 300)) - 1)).toBeLessThan(0.03);
  });

  it('normalInit and uniformInit honour mean, std and bounds', () => {
    const n = moments(normalInit([20_000], 0.5, new Rng(4), 3));
    expect(Math.abs(n.mean - 3)).toBeLessThan(0.02); // standard error 0.5/√20000 ≈ 0.0035
    expect(Math.abs(n.std / 0.5 - 1)).toBeLessThan(0.03);
    const u = uniformInit([1000], 2, 5, new Rng(5));
    expect(u.every((v) => v >= 2 && v <= 5)).toBe(true);
  });

  it('every initializer is a function of its Rng: same seed, same values; another seed, other values', () => {
    const inits = [
      (r: Rng) => kaimingNormal([4, 3], r),
      (r: Rng) => kaimingUniform([4, 3], r),
      (r: Rng) => xavierUniform([4, 3], r),
      (r: Rng) => xavierNormal([4, 3], r),
      (r: Rng) => normalInit([12], 1, r),
    ];
    for (const init of inits) {
      expect(Array.from(init(new Rng(7)))).toEqual(Array.from(init(new Rng(7))));
      expect(Array.from(init(new Rng(7)))).not.toEqual(Array.from(init(new Rng(8))));
    }
  });
});
