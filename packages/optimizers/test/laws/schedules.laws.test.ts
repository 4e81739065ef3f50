/**
 * The schedule identities (docs/papers/schedules.md) as properties over random bases, lengths and
 * factors: cosine α(0) = α₀, α(T/2) = (α₀ + α_min)/2, α(T) = α_min and monotone; SGDR back to the base at
 * every restart (T₀·(T_multⁿ − 1)/(T_mult − 1)); warm-up-linear 0 at s = 0, the peak at S_w, 0 at S;
 * step decay base·γ^{⌊x/every⌋}; multi-step one factor γ per milestone passed; and per-epoch units read
 * the epoch ⌊s/stepsPerEpoch⌋. The fixed examples of test/schedule.test.ts stay as pinned cases.
 *
 * Tolerances: the schedules are float64 formulas; cos(π/2) = 6e-17 and the products γᵏ round, so the
 * identities hold to ≈ 1e-12 relative of the base.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '@gapkit/testing';
import { scheduleAt } from '../../src/index.js';

const base = fc.double({ min: 1e-6, max: 10, noNaN: true });
const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(scale));
const runs = { numRuns: propertyRuns(100) };

describe('schedule identities (§7.6)', () => {
  it('cosine: α(0) = α₀, α(T/2) = (α₀ + α_min)/2, α(T) = α_min, non-increasing in between and flat after T', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 1, max: 500 }).map((k) => 2 * k), fc.double({ min: 0, max: 1, noNaN: true }), (b, total, frac) => {
        const min = b * frac;
        const s = { kind: 'cosine', base: b, total, min } as const;
        expect(close(scheduleAt(s, 0), b, b)).toBe(true);
        expect(close(scheduleAt(s, total / 2), (b + min) / 2, b)).toBe(true);
        expect(close(scheduleAt(s, total), min, b)).toBe(true);
        expect(scheduleAt(s, total + 7)).toBe(scheduleAt(s, total));
        for (let k = 1; k <= total; k += Math.max(1, total >> 4)) expect(scheduleAt(s, k)).toBeLessThanOrEqual(scheduleAt(s, k - 1) + 1e-15 * b);
      }),
      runs,
    );
  });

  it('SGDR: the multiplier returns to the base at every restart T₀·(T_multⁿ − 1)/(T_mult − 1) and is half-way at each cycle’s middle', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 3 }), (b, t0, tMult) => {
        const s = { kind: 'cosine-restarts', base: b, t0, tMult } as const;
        let start = 0;
        for (let n = 0; n < 4; n++) {
          const len = t0 * tMult ** n;
          expect(close(scheduleAt(s, start), b, b), `restart ${n} at ${start}`).toBe(true);
          if (len % 2 === 0) expect(close(scheduleAt(s, start + len / 2), b / 2, b), `middle of cycle ${n}`).toBe(true);
          if (len > 1) expect(scheduleAt(s, start + len - 1)).toBeLessThan(b);
          start += len;
        }
      }),
      runs,
    );
  });

  it('warmup-linear: 0 at s = 0, the peak at S_w, 0 at S and after, linear on both sides', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 500 }), (b, warmup, rest) => {
        const total = warmup + rest;
        const s = { kind: 'warmup-linear', base: b, warmup, total } as const;
        expect(scheduleAt(s, 0)).toBe(0);
        expect(close(scheduleAt(s, warmup), b, b)).toBe(true);
        expect(close(scheduleAt(s, total), 0, b)).toBe(true);
        expect(scheduleAt(s, total + 3)).toBe(0);
        const k = Math.floor(warmup / 2);
        expect(close(scheduleAt(s, k), (b * k) / warmup, b)).toBe(true);
        const j = warmup + Math.floor(rest / 2);
        expect(close(scheduleAt(s, j), (b * (total - j)) / rest, b)).toBe(true);
      }),
      runs,
    );
  });

  it('step decay: base·γ^{⌊x/every⌋}; multi-step: one factor γ per milestone passed', () => {
    fc.assert(
      fc.property(base, fc.double({ min: 0.01, max: 1, noNaN: true }), fc.integer({ min: 1, max: 50 }), fc.nat({ max: 400 }), (b, gamma, every, x) => {
        expect(close(scheduleAt({ kind: 'step', base: b, gamma, every }, x), b * gamma ** Math.floor(x / every), b)).toBe(true);
        const milestones = [every, 2 * every + 1, 5 * every];
        const passed = milestones.filter((m) => m <= x).length;
        expect(close(scheduleAt({ kind: 'multi-step', base: b, gamma, milestones }, x), b * gamma ** passed, b)).toBe(true);
      }),
      runs,
    );
  });

  it('per-epoch units read the epoch ⌊s / stepsPerEpoch⌋: the schedule at step s equals the per-step one at that epoch', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 2, max: 60 }), fc.nat({ max: 2000 }), (b, spe, total, s) => {
        const perEpoch = { kind: 'cosine', base: b, total, unit: 'epoch', stepsPerEpoch: spe } as const;
        const perStep = { kind: 'cosine', base: b, total } as const;
        expect(scheduleAt(perEpoch, s)).toBe(scheduleAt(perStep, Math.floor(s / spe)));
      }),
      runs,
    );
  });
});
