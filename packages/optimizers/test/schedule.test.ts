import { expectClose, PROPERTY_RUNS } from '@gapkit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptimizerError, Sgd, scheduleAt, type ScheduleSpec, stateDictToJSON, validateSchedule, warmRestartCycle } from '../src/index.js';
import { param, setGrads } from './helpers.js';

describe('schedules (docs/papers/schedules.md)', () => {
  it('cosine: α(0) = α₀, α(T/2) = α₀/2, α(T) = 0 (and stays there)', () => {
    const c: ScheduleSpec = { kind: 'cosine', base: 0.4, total: 100 };
    expect(scheduleAt(c, 0)).toBe(0.4);
    expectClose([scheduleAt(c, 50)], [0.2], { rtol: 1e-12 });
    expectClose([scheduleAt(c, 100), scheduleAt(c, 150)], [0, 0], { atol: 1e-15 });
  });

  it('cosine per epoch is constant within an epoch (ND-Adam PyTorch: e = 0-based epoch)', () => {
    const c: ScheduleSpec = { kind: 'cosine', base: 0.04, total: 200, unit: 'epoch', stepsPerEpoch: 391 };
    expect(scheduleAt(c, 0)).toBe(scheduleAt(c, 390));
    expectClose([scheduleAt(c, 391)], [0.04 * 0.5 * (1 + Math.cos(Math.PI / 200))], { rtol: 1e-12 });
    expect(scheduleAt(c, 199 * 391)).toBeGreaterThan(0); // the last epoch is not exactly 0
  });

  it('SGDR(T₀ = 14, T_mult = 2): back to the base at epochs 14, 42, 98, and half-way at 7, 28', () => {
    const s: ScheduleSpec = { kind: 'cosine-restarts', base: 1, t0: 14, tMult: 2 };
    for (const e of [0, 14, 42, 98]) expect(scheduleAt(s, e)).toBe(1);
    expectClose([scheduleAt(s, 7), scheduleAt(s, 14 + 14)], [0.5, 0.5], { rtol: 1e-12 });
    expect(scheduleAt(s, 41)).toBeLessThan(0.01);
  });

  it('warmup-linear: 0 at s = 0, the peak at S_w, 0 at S (LAWN)', () => {
    const s: ScheduleSpec = { kind: 'warmup-linear', base: 2, warmup: 10, total: 110 };
    expect([scheduleAt(s, 0), scheduleAt(s, 5), scheduleAt(s, 10), scheduleAt(s, 60), scheduleAt(s, 110), scheduleAt(s, 200)]).toEqual([0, 1, 2, 1, 0, 0]);
  });

  it('step decay: Padam code (×0.1 at 1-based epochs 100, 150) and the SWD demo (×0.1 every 80 epochs)', () => {
    // 1-based epoch e drops at 100 ⇒ 0-based epoch 99 uses 0.01 (milestones 99, 149 in 0-based epochs)
    const padam: ScheduleSpec = { kind: 'multi-step', base: 0.1, gamma: 0.1, milestones: [99, 149], unit: 'epoch', stepsPerEpoch: 10 };
    expectClose([scheduleAt(padam, 98 * 10 + 9), scheduleAt(padam, 99 * 10), scheduleAt(padam, 149 * 10)], [0.1, 0.01, 0.001], { rtol: 1e-12 });
    const swd: ScheduleSpec = { kind: 'step', base: 1e-3, gamma: 0.1, every: 80 };
    expectClose([scheduleAt(swd, 79), scheduleAt(swd, 80), scheduleAt(swd, 160)], [1e-3, 1e-4, 1e-5], { rtol: 1e-12 });
  });

  it('a schedule is evaluated once per step at the optimizer’s step count, and resumes from a state dict', () => {
    const w = param('w', [0]);
    const lr: ScheduleSpec = { kind: 'table', values: [1, 2, 4] };
    const opt = new Sgd([w], { lr });
    const seen: number[] = [];
    for (let k = 0; k < 4; k++) {
      seen.push(opt.describe().groups[0].hyper.lr as number);
      setGrads([w], [[1]]);
      opt.step();
    }
    expect(seen).toEqual([1, 2, 4, 4]);
    expect(Array.from(w.data)).toEqual([-11]);
    const w2 = param('w', [0]);
    const resumed = new Sgd([w2], { lr });
    resumed.loadStateDict(JSON.parse(JSON.stringify(stateDictToJSON(opt.stateDict()))));
    expect(resumed.stepCount).toBe(4);
    expect(resumed.describe().groups[0].schedules.lr).toEqual(lr);
  });

  it('malformed schedules are clear errors', () => {
    expect(() => validateSchedule({ kind: 'cosine', base: 1, total: 0 })).toThrow(/schedule 'cosine': total must be a positive number, got 0/);
    expect(() => validateSchedule({ kind: 'warmup-linear', base: 1, warmup: 5, total: 5 })).toThrow(/total must exceed warmup/);
    expect(() => validateSchedule({ kind: 'bogus' } as unknown as ScheduleSpec)).toThrow(/unknown kind 'bogus'/);
    expect(() => scheduleAt({ kind: 'cosine', base: 1, total: 5, unit: 'epoch', stepsPerEpoch: 0 }, 3)).toThrow(/stepsPerEpoch/);
    const w = param('w', [0]);
    expect(() => new Sgd([w], { lr: { kind: 'cosine', base: 1, total: -1 } })).toThrow(/total/);
  });

  it('unknown keys in a schedule spec are errors naming the closest valid key (on the optimizer too)', () => {
    expect(() => validateSchedule({ kind: 'cosine', base: 1, total: 5, minn: 0 })).toThrow(/schedule 'cosine': unknown key 'minn' \(did you mean 'min'\?\); valid keys: base, total, min/);
    expect(() => validateSchedule({ kind: 'step', base: 1, gamma: 0.1, every: 5, stepsPerEpoch: 10 })).toThrow(/stepsPerEpoch is only used with unit 'epoch'/);
    expect(() => validateSchedule({ kind: 'step', base: Number.NaN, gamma: 0.1, every: 5 })).toThrow(/base must be a finite number, got NaN/);
    expect(() => validateSchedule({ kind: 'table', values: [1, Number.POSITIVE_INFINITY] })).toThrow(/values must be a list of finite numbers/);
    expect(() => validateSchedule(null)).toThrow(OptimizerError);
    const w = param('w', [0]);
    expect(() => new Sgd([w], { lr: { kind: 'cosine', base: 1, totl: 5 } as unknown as ScheduleSpec })).toThrow(/unknown key 'totl' \(did you mean 'total'\?\)/);
  });

  it('the clock must be a finite integer ≥ 0: Infinity, NaN, −1 and 2.5 are errors, never a hang', () => {
    const s: ScheduleSpec = { kind: 'cosine-restarts', base: 1, t0: 10, tMult: 2 };
    for (const bad of [Number.POSITIVE_INFINITY, Number.NaN, -1, 2.5]) expect(() => scheduleAt(s, bad)).toThrow(/step count must be a finite integer ≥ 0/);
    // far steps evaluate in closed form (the old loop over cycles took ~92 ms at 1e8 with T_mult = 1)
    const flat: ScheduleSpec = { kind: 'cosine-restarts', base: 1, t0: 10, tMult: 1 };
    expect(scheduleAt(flat, 1e15)).toBe(1);
    expect(scheduleAt(s, 10 * (2 ** 40 - 1))).toBe(1);
  });

  /** The straightforward SGDR definition: walk the cycles one by one. */
  function iterativeCycle(x: number, t0: number, tMult: number): { tCur: number; ti: number } {
    let tCur = x;
    let ti = t0;
    while (tCur >= ti) {
      tCur -= ti;
      ti *= tMult;
    }
    return { tCur, ti };
  }

  it('SGDR closed form = the iterative definition (integer T₀, T_mult: exactly; real ones: to rounding)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 200_000 }), (t0, tMult, x) => {
        expect(warmRestartCycle(x, t0, tMult)).toEqual(iterativeCycle(x, t0, tMult));
        const spec: ScheduleSpec = { kind: 'cosine-restarts', base: 0.1, t0, tMult, min: 0.001 };
        const { tCur, ti } = iterativeCycle(x, t0, tMult);
        expect(scheduleAt(spec, x)).toBe(0.001 + (0.1 - 0.001) * 0.5 * (1 + Math.cos((Math.PI * tCur) / ti)));
      }),
      { numRuns: PROPERTY_RUNS * 4 },
    );
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 40, noNaN: true }), fc.double({ min: 1, max: 3, noNaN: true }), fc.integer({ min: 0, max: 100_000 }), (t0, tMult, x) => {
        const a = warmRestartCycle(x, t0, tMult);
        const b = iterativeCycle(x, t0, tMult);
        // near a cycle boundary the two may put x on either side by rounding: compare the schedule value
        const value = (c: { tCur: number; ti: number }) => 0.5 * (1 + Math.cos((Math.PI * c.tCur) / c.ti));
        const boundary = Math.min(b.tCur, b.ti - b.tCur) <= 1e-9 * Math.max(1, x);
        if (!boundary) {
          expectClose([a.tCur, a.ti], [b.tCur, b.ti], { rtol: 1e-9, atol: 1e-9 * Math.max(1, x) });
          expectClose([value(a)], [value(b)], { atol: 1e-6 });
        }
        expect(a.tCur).toBeGreaterThanOrEqual(0);
        expect(a.tCur).toBeLessThan(a.ti * (1 + 1e-12));
      }),
      { numRuns: PROPERTY_RUNS * 4 },
    );
  });
});
