/**
 * Shared pieces of the fast-path tests: random buffers from a seed, copies of state records, and the
 * comparison every fast path is held to.
 *
 * Tolerance (float32 storage, float64 accumulation): a fast path does the reference's arithmetic in
 * float64 and stores float32, with at most a reordered sum or a power computed another way
 * (~1e-15 relative in float64). A stored float32 can then differ by one rounding (6e-8 relative),
 * and over a few steps that difference feeds back through w (weight decay, projections, norms):
 * rtol 1e-5 bounds it with two orders of magnitude to spare, and atol 1e-7 covers values that
 * cancel to near zero (w − η·r with η·r ≈ w).
 */
import fc from 'fast-check';
import { expect } from 'vitest';

export const RTOL = 1e-5;
export const ATOL = 1e-7;

/** `n` values uniform in [−scale, scale) from `seed` (xorshift32), float32. */
export function seeded(n: number, seed: number, scale = 1): Float32Array {
  const out = new Float32Array(n);
  let s = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = (((s >>> 0) / 2 ** 32) * 2 - 1) * scale;
  }
  return out;
}

/** A deep copy of a state record whose fields are numbers, booleans, null or Float32Arrays. */
export function copyState<S extends object>(s: S): S {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) out[k] = v instanceof Float32Array ? v.slice() : v;
  return out as S;
}

/** Every element of `actual` within ATOL + RTOL·|expected| of `expected`, naming the buffer and index. */
export function expectNear(actual: Float32Array, expected: Float32Array, what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (Number.isNaN(e)) {
      expect(Number.isNaN(a), `${what}[${i}]: reference is NaN, fast path gave ${a}`).toBe(true);
      continue;
    }
    if (!(Math.abs(a - e) <= ATOL + RTOL * Math.abs(e))) expect.fail(`${what}[${i}]: fast ${a} vs reference ${e}`);
  }
}

/** Tensor sizes: empty, one element, odd and a few hundred. */
export const sizeArb = fc.oneof(fc.constantFrom(0, 1, 7), fc.integer({ min: 2, max: 400 }));
/** Seeds for buffers. */
export const seedArb = fc.integer({ min: 1, max: 2 ** 30 });
