import { PROPERTY_RUNS, expectClose } from '@gapkit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Adam, AdamS, AdamW } from '../../src/index.js';
import { cloneParams, param, setGrads, trajectory, wave } from '../helpers.js';

const grad = (k: number, i: number) => wave(k, i, i === 0 ? 3 : 2);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('AdamS (docs/papers/adams-sgds.md)', () => {
  it('G1 / A1: with λ = 0, AdamS ≡ Adam ≡ AdamW', () => {
    const ps = [param('a', [0.3, -0.2, 0.1]), param('b', [1, 2])];
    const qs = cloneParams(ps);
    const rs = cloneParams(ps);
    const t1 = trajectory(new AdamS(ps, { weightDecay: 0 }), ps, 15, grad);
    const t2 = trajectory(new Adam(qs), qs, 15, grad);
    const t3 = trajectory(new AdamW(rs, { weightDecay: 0 }), rs, 15, grad);
    t1.forEach((x, k) => {
      x.forEach((a, i) => {
        expectClose(a, t2[k][i], { rtol: 1e-6, atol: 1e-8 });
      });
    });
    t2.forEach((x, k) => {
      x.forEach((a, i) => {
        expect(Array.from(a)).toEqual(Array.from(t3[k][i]));
      });
    });
  });

  it('A2: constant gradients ⇒ θ_t = θ_{t−1}·(1 − ηλ/√v̄) − η·g/(|g| + ε), v̄ = mean of g² over the model', () => {
    const g = [[0.5, -1, 2], [0.25, 3]];
    const vbar = mean(g.flat().map((x) => x * x));
    const ps = [param('a', [1, 2, 3]), param('b', [-1, 0.5])];
    const eta = 0.01;
    const lambda = 0.5;
    const opt = new AdamS(ps, { lr: eta, weightDecay: lambda });
    const want = ps.map((p) => Array.from(p.data));
    for (let t = 0; t < 6; t++) {
      setGrads(ps, g);
      opt.step();
      want.forEach((w, i) => {
        for (let j = 0; j < w.length; j++) w[j] = w[j] * (1 - (eta * lambda) / Math.sqrt(vbar)) - (eta * g[i][j]) / (Math.abs(g[i][j]) + 1e-8);
        expectClose(ps[i].data, w, { rtol: 1e-5, atol: 1e-7 });
      });
    }
  });

  it('A3: invariant to grouping and to splitting tensors (same η, λ)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), (cut) => {
        const whole = [param('w', [1, -2, 3, -4, 5, -6])];
        const parts = [param('p', [1, -2, 3, -4, 5, -6].slice(0, cut)), param('q', [1, -2, 3, -4, 5, -6].slice(cut))];
        const o1 = new AdamS(whole, { lr: 0.01, weightDecay: 0.3 });
        const o2 = new AdamS(
          [
            { params: [parts[0]], weightDecay: 0.3 },
            { params: [parts[1]], weightDecay: 0.3 },
          ],
          { lr: 0.01 },
        );
        for (let k = 0; k < 5; k++) {
          const g = wave(k, 0, 6);
          setGrads(whole, [g]);
          setGrads(parts, [g.slice(0, cut), g.slice(cut)]);
          o1.step();
          o2.step();
          expectClose([...parts[0].data, ...parts[1].data], whole[0].data, { rtol: 1e-6, atol: 1e-8 });
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('A3: a tensor without gradient is excluded from v̄ and not decayed; a λ = 0 group still counts in v̄', () => {
    const a = param('a', [1, 1]);
    const b = param('b', [1]);
    const c = param('c', [5]);
    const opt = new AdamS(
      [
        { params: [a, c], weightDecay: 0.5 },
        { params: [b], weightDecay: 0 },
      ],
      { lr: 0.1, eps: 0 },
    ).trackDiagnostics();
    setGrads([a, b, c], [[1, 1], [4], null]);
    opt.step();
    // v̄ = mean(1, 1, 16) = 6 (b counts although its λ = 0; c has no gradient)
    expectClose([opt.diagnostics()!.extra.sqrtVBar as number], [Math.sqrt(6)], { rtol: 1e-6 });
    expectClose(a.data, [1 - (0.1 * 0.5) / Math.sqrt(6) - 0.1, 1 - (0.1 * 0.5) / Math.sqrt(6) - 0.1], { rtol: 1e-6 });
    expect(c.data[0]).toBe(5);
    expectClose(b.data, [1 - 0.1], { rtol: 1e-6 });
  });

  it('A5: the decay multiplier is one scalar 1 − ηλ/√v̄ for every element of every tensor sharing (η, λ)', () => {
    const ps = [param('a', [0.3, -0.2, 0.1]), param('b', [1, 2])];
    const opt = new AdamS(ps, { lr: 0.05, weightDecay: 0.4, eps: 1e-3 }).trackDiagnostics();
    for (let k = 0; k < 4; k++) {
      const before = ps.map((p) => Array.from(p.data));
      setGrads(ps, [grad(k, 0), grad(k, 1)]);
      opt.step();
      const want = 1 - (0.05 * 0.4) / (opt.diagnostics()!.extra.sqrtVBar as number);
      ps.forEach((p, i) => {
        const s = opt.stateOf(p.meta.name)!;
        const t = s.t;
        for (let j = 0; j < p.size; j++) {
          const adamStep = (0.05 * (s.m[j] / (1 - 0.9 ** t))) / (Math.sqrt(s.v[j] / (1 - 0.999 ** t)) + 1e-3);
          expectClose([(p.data[j] + adamStep) / before[i][j]], [want], { rtol: 1e-5 });
        }
      });
    }
  });

  it('A4: one AdamS step equals one AdamW step with λ_W = λ/√v̄_t (first step: λ/√mean(g²))', () => {
    const ps = [param('a', [0.3, -0.2, 0.1]), param('b', [1, 2])];
    const qs = cloneParams(ps);
    const lambda = 0.2;
    const adams = new AdamS(ps, { lr: 0.05, weightDecay: lambda });
    const g1 = [
      [0.5, -1, 2],
      [0.25, 3],
    ];
    setGrads(ps, g1);
    adams.step();
    const vbar = mean(g1.flat().map((x) => x * x)); // first step: v̂ = g²
    const adamw = new AdamW(qs, { lr: 0.05, weightDecay: lambda / Math.sqrt(vbar) });
    setGrads(qs, g1);
    adamw.step();
    ps.forEach((p, i) => {
      expectClose(p.data, qs[i].data, { rtol: 1e-6, atol: 1e-8 });
    });
  });

  it('AMSGrad: v̄ and the step use the running max of the raw v, bias-corrected with the current t', () => {
    const w = param('w', [1, 1]);
    const opt = new AdamS([w], { lr: 0.1, beta1: 0, beta2: 0.5, eps: 0, weightDecay: 0.2, amsgrad: true }).trackDiagnostics();
    setGrads([w], [[2, 1]]);
    opt.step();
    const w1 = Array.from(w.data);
    setGrads([w], [[0.1, 0.1]]);
    opt.step();
    // v₁ = [2, 0.5]; v₂ = 0.5·v₁ + 0.5·0.01 = [1.005, 0.255] < v₁ ⇒ v_max = [2, 0.5];
    // v̂ = v_max/(1 − 0.25) = [8/3, 2/3], v̄ = 5/3; m̂ = g₂ (β₁ = 0)
    const vhat = [8 / 3, 2 / 3];
    const vbar = (vhat[0] + vhat[1]) / 2;
    expectClose([opt.diagnostics()!.extra.sqrtVBar as number], [Math.sqrt(vbar)], { rtol: 1e-6 });
    const keep = 1 - (0.1 * 0.2) / Math.sqrt(vbar);
    expectClose(w.data, w1.map((x, i) => x * keep - (0.1 * 0.1) / Math.sqrt(vhat[i])), { rtol: 1e-6 });
  });

  it('v̄ = 0 with λ ≠ 0 is a clear error unless vbarFloor is set; λ = 0 never needs it', () => {
    const w = param('w', [1, 2]);
    const opt = new AdamS([w], { weightDecay: 5e-4 });
    setGrads([w], [[0, 0]]);
    expect(() => opt.step()).toThrow(/AdamS: step 1: v̄ .* is 0 while weightDecay \(λ\) = 0.0005 .*nothing was changed.*vbarFloor/);
    // atomic: no state, no step, weights untouched — the next step with a real gradient is a clean first step
    expect([opt.stateOf('w'), opt.stepCount, Array.from(w.data)]).toEqual([undefined, 0, [1, 2]]);
    setGrads([w], [[0.5, -1]]);
    opt.step();
    expect(opt.stateOf('w')!.t).toBe(1);
    expect(w.data.every(Number.isFinite)).toBe(true);
    const w2 = param('w', [1, 2]);
    const floored = new AdamS([w2], { weightDecay: 5e-4, vbarFloor: 1e-8, lr: 1e-3 });
    setGrads([w2], [[0, 0]]);
    floored.step();
    expectClose(w2.data, [1 - (1e-3 * 5e-4) / 1e-4, 2 * (1 - (1e-3 * 5e-4) / 1e-4)], { rtol: 1e-6 });
    const w3 = param('w', [1]);
    const noDecay = new AdamS([w3], { weightDecay: 0 });
    setGrads([w3], [[0]]);
    noDecay.step();
    expect(w3.data[0]).toBe(1); // G6
    expect(() => new AdamS([w3], { vbarFloor: -1 })).toThrow(/vbarFloor/);
  });

  it('finite in → finite out over random gradient scales', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e3, noNaN: true }), (scale) => {
        const ps = [param('a', [0.3, -0.2, 0.1]), param('b', [1, 2])];
        const t = trajectory(new AdamS(ps), ps, 4, (k, i) => wave(k, i, i === 0 ? 3 : 2, scale));
        for (const step of t) for (const a of step) expect(a.every(Number.isFinite)).toBe(true);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
