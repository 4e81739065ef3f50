import { PROPERTY_RUNS, expectClose } from '@gapkit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AmsGrad, Padam, Sgd } from '../../src/index.js';
import { cloneParams, maxAbsDiff, param, setGrads, trajectory, wave } from '../helpers.js';

const B1 = 0.9;
const B2 = 0.999;

describe('Padam (docs/papers/padam.md)', () => {
  it('golden first step of the code form: −α·√(1−β₂)/(1−β₁)·m₁/(√v₁ + ε)^{2p}', () => {
    const w = param('w', [1, 1]);
    const opt = new Padam([w], { lr: 0.1, p: 0.125, weightDecay: 0 });
    setGrads([w], [[0.5, -2]]);
    opt.step();
    const want = [0.5, -2].map((g) => {
      const m = (1 - B1) * g;
      const v = (1 - B2) * g * g;
      return 1 - (0.1 * Math.sqrt(1 - B2)) / (1 - B1) * (m / (Math.sqrt(v) + 1e-8) ** 0.25);
    });
    expectClose(w.data, want, { rtol: 1e-6 });
  });

  it('ε is added to √v̂ inside the power: (√v̂ + ε)^{2p}, not √v̂^{2p} + ε (large ε tells them apart)', () => {
    const w = param('w', [1]);
    const opt = new Padam([w], { lr: 0.1, p: 0.125, eps: 0.05, weightDecay: 0 });
    setGrads([w], [[0.5]]);
    opt.step();
    // m₁ = 0.05, √v₁ = √0.001·0.5; step = 0.1·√0.001/0.1 · 0.05/(√v₁ + 0.05)^{0.25}
    const sv = Math.sqrt(0.001) * 0.5;
    expectClose(w.data, [1 - Math.sqrt(0.001) * (0.05 / (sv + 0.05) ** 0.25)], { rtol: 1e-6 });
  });

  it("biasCorrection 'none' with ε = 0 is Algorithm 1 exactly: θ − α·m/v̂^p", () => {
    const w = param('w', [0]);
    const opt = new Padam([w], { lr: 0.1, p: 0.25, eps: 0, weightDecay: 0, biasCorrection: 'none' });
    setGrads([w], [[4]]);
    opt.step();
    expectClose(w.data, [-0.1 * ((1 - B1) * 4) / ((1 - B2) * 16) ** 0.25], { rtol: 1e-6 });
  });

  it('P1: Padam with p = ½ and ε = 0 equals AMSGrad (PyTorch form)', () => {
    const ps = [param('a', [0.3, -0.2, 0.1]), param('b', [1, 2])];
    const qs = cloneParams(ps);
    const padam = new Padam(ps, { lr: 1e-3, p: 0.5, eps: 0, weightDecay: 1e-3 });
    const ams = new AmsGrad(qs, { lr: 1e-3, eps: 0, weightDecay: 1e-3 });
    const grad = (k: number, i: number) => wave(k, i, i === 0 ? 3 : 2);
    const t1 = trajectory(padam, ps, 20, grad);
    const t2 = trajectory(ams, qs, 20, grad);
    t1.forEach((x, k) => {
      x.forEach((a, i) => {
        expectClose(a, t2[k][i], { rtol: 1e-5, atol: 1e-7 });
      });
    });
  });

  it('P1 with ε = 1e-8: Padam p = ½ (ε-hat form) differs from PyTorch AMSGrad only by O(ε)', () => {
    const ps = [param('a', [0.3, -0.2, 0.1])];
    const qs = cloneParams(ps);
    const t1 = trajectory(new Padam(ps, { lr: 1e-3, p: 0.5, weightDecay: 0 }), ps, 20, (k) => wave(k, 0, 3));
    const t2 = trajectory(new AmsGrad(qs, { lr: 1e-3 }), qs, 20, (k) => wave(k, 0, 3));
    expect(maxAbsDiff(t1[19], t2[19])).toBeLessThan(1e-6);
  });

  it("P2: p = 0 with 'none' equals SGD(lr α(1−β₁), momentum β₁, dampening 0, same L2)", () => {
    const ps = [param('w', [0.5, -1, 2])];
    const qs = cloneParams(ps);
    const padam = new Padam(ps, { lr: 0.1, p: 0, weightDecay: 0.01, biasCorrection: 'none' });
    const sgd = new Sgd(qs, { lr: 0.1 * (1 - B1), momentum: B1, weightDecay: 0.01 });
    const t1 = trajectory(padam, ps, 15, (k) => wave(k, 0, 3));
    const t2 = trajectory(sgd, qs, 15, (k) => wave(k, 0, 3));
    t1.forEach((x, k) => {
      expectClose(x[0], t2[k][0], { rtol: 1e-5, atol: 1e-7 });
    });
  });

  for (const [form, factor] of [
    ['code', (t: number) => Math.sqrt(1 - B2 ** t) / (1 - B1 ** t)],
    ['consistent', (t: number) => 1 / (1 - B1 ** t)],
  ] as const) {
    it(`P2 with '${form}' bias correction: SGD with the time-varying lr α(1−β₁)·factor(t)`, () => {
      const ps = [param('w', [0.5, -1, 2])];
      const qs = cloneParams(ps);
      const padam = new Padam(ps, { lr: 0.1, p: 0, weightDecay: 0, biasCorrection: form });
      const lrs = Array.from({ length: 12 }, (_, k) => 0.1 * (1 - B1) * factor(k + 1));
      const sgd = new Sgd(qs, { lr: { kind: 'table', values: lrs }, momentum: B1 });
      const t1 = trajectory(padam, ps, 12, (k) => wave(k, 0, 3));
      const t2 = trajectory(sgd, qs, 12, (k) => wave(k, 0, 3));
      t1.forEach((x, k) => {
        expectClose(x[0], t2[k][0], { rtol: 1e-5, atol: 1e-7 });
      });
    });
  }

  it('P3: with ε = 0, λ = 0, scaling the gradients by c scales every update by c^{1−2p}', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), (p, c) => {
        const ps = [param('w', [0, 0, 0, 0])];
        const qs = cloneParams(ps);
        const t1 = trajectory(new Padam(ps, { lr: 0.01, p, eps: 0, weightDecay: 0 }), ps, 6, (k) => wave(k, 0, 4));
        const t2 = trajectory(new Padam(qs, { lr: 0.01, p, eps: 0, weightDecay: 0 }), qs, 6, (k) => wave(k, 0, 4, c));
        const s = c ** (1 - 2 * p);
        t1.forEach((x, k) => {
          expectClose(t2[k][0], Array.from(x[0], (v) => v * s), { rtol: 1e-4, atol: 1e-7 });
        });
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('P4: v̂ is non-decreasing and each update has the sign of −m (λ = 0)', () => {
    const w = param('w', [0, 0, 0, 0, 0]);
    const opt = new Padam([w], { lr: 0.1, weightDecay: 0 });
    let prev = new Float32Array(5);
    for (let k = 0; k < 15; k++) {
      const before = w.data.slice();
      setGrads([w], [wave(k, 0, 5)]);
      opt.step();
      const s = opt.stateOf('w')!;
      for (let i = 0; i < 5; i++) {
        expect(s.vHat![i]).toBeGreaterThanOrEqual(prev[i]);
        const dw = w.data[i] - before[i];
        if (s.m[i] !== 0) expect(Math.sign(dw)).toBe(-Math.sign(s.m[i]));
      }
      prev = s.vHat!.slice();
    }
  });

  it('p outside [0, ½] is an error that names p', () => {
    const w = param('w', [0]);
    expect(() => new Padam([w], { p: 0.7 })).toThrow(/Padam: p \(partial adaptive parameter\) must be in \[0, 0.5\], got 0.7/);
    expect(() => new Padam([w], { p: -0.1 })).toThrow(/p \(partial adaptive parameter\)/);
    // a schedule that leaves the range is caught when it is evaluated
    const opt = new Padam([w], { p: { kind: 'table', values: [0.1, 0.9] } });
    setGrads([w], [[1]]);
    opt.step();
    setGrads([w], [[1]]);
    expect(() => opt.step()).toThrow(/got 0.9/);
  });
});
