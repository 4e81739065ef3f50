import { expectClose } from '@gapkit/testing';
import { describe, expect, it } from 'vitest';
import { AdaBound, RAdam, radamRho, Yogi } from '../../src/index.js';
import { param, setGrads } from '../helpers.js';

describe('RAdam (docs/papers/baselines.md#radam)', () => {
  it('ρ_1…ρ_6 at β₂ = 0.999 are 1.000, 1.9995, 2.9987, 3.9975, 4.996, 5.994', () => {
    const rho = [1, 2, 3, 4, 5, 6].map((t) => radamRho(0.999, t));
    expectClose(rho, [1.0, 1.9995, 2.9987, 3.9975, 4.996, 5.994], { rtol: 2e-4 });
  });

  it('G9: steps 1–5 leave θ unchanged (moments still move); step 6 is the first update', () => {
    const w = param('w', [1, -1]);
    const opt = new RAdam([w], { lr: 0.1, weightDecay: 0.1 });
    for (let t = 1; t <= 6; t++) {
      setGrads([w], [[0.5, 0.25]]);
      opt.step();
      if (t <= 5) expect(Array.from(w.data)).toEqual([1, -1]);
    }
    // step 6, constant g: m₆/(1−β₁⁶) = g and √v₆ = |g|·√(1−β₂⁶), so with ε ≈ 0
    // θ₆ = θ₅·(1 − λη) − η·√((ρ₆−4)(ρ₆−2)ρ∞/((ρ∞−4)(ρ∞−2)ρ₆))·sign(g)
    const rInf = 2 / 0.001 - 1;
    const r6 = radamRho(0.999, 6);
    const rect = Math.sqrt(((r6 - 4) * (r6 - 2) * rInf) / ((rInf - 4) * (rInf - 2) * r6));
    expectClose(w.data, [1 * 0.99 - 0.1 * rect, -1 * 0.99 - 0.1 * rect], { rtol: 1e-5 });
    expect(opt.stateOf('w')!.m[0]).toBeGreaterThan(0);
  });

  it('degeneratedToSgd takes θ ← θ − η·m̂ while ρ_t < 5', () => {
    const w = param('w', [1]);
    const opt = new RAdam([w], { lr: 0.1, degeneratedToSgd: true });
    setGrads([w], [[2]]);
    opt.step();
    expectClose(w.data, [1 - 0.1 * 2], { rtol: 1e-6 }); // m̂₁ = g
  });
});

describe('AdaBound (docs/papers/baselines.md#adabound)', () => {
  it('first step inside the bounds is Adam-like (ε-hat form): −η·m₁·√(1−β₂)/((1−β₁)(√v₁ + ε))', () => {
    const w = param('w', [0]);
    const opt = new AdaBound([w], { lr: 1e-3 });
    setGrads([w], [[1]]);
    opt.step();
    expectClose(w.data, [(-1e-3 * 0.1 * Math.sqrt(0.001)) / (0.1 * (Math.sqrt(0.001) + 1e-8))], { rtol: 1e-6 });
  });

  it('the per-element step is clipped into [η*(1 − 1/(γt+1)), η*(1 + 1/(γt))]', () => {
    const w = param('w', [0]);
    const opt = new AdaBound([w], { lr: 1e-3, gamma: 1 });
    setGrads([w], [[1]]);
    opt.step();
    // unclipped a = 0.01 < lower = 0.1·(1 − 1/2) = 0.05 ⇒ Δ = −0.05·m₁ = −0.05·0.1
    expectClose(w.data, [-0.005], { rtol: 1e-6 });
  });

  it('a step above the upper bound η*(1 + 1/(γt)) is clipped to it', () => {
    const w = param('w', [0]);
    const opt = new AdaBound([w], { lr: 1e-3, gamma: 1, eps: 0 });
    setGrads([w], [[1e-3]]);
    opt.step();
    // unclipped a = η/((1−β₁)|g|) = 10 > upper = 0.1·(1 + 1/1) = 0.2 ⇒ Δ = −0.2·m₁ = −0.2·1e-4
    expectClose(w.data, [-2e-5], { rtol: 1e-6 });
  });

  it('η* follows the lr schedule relative to the lr at construction', () => {
    const w = param('w', [0]);
    const opt = new AdaBound([w], { lr: { kind: 'table', values: [1e-3, 5e-4] }, gamma: 1 });
    expect(opt.describe().groups[0].hyper.initialLr).toBe(1e-3);
    setGrads([w], [[1]]);
    opt.step();
    setGrads([w], [[1]]);
    opt.step();
    // t = 2: η* = 0.1·0.5 = 0.05, lower = 0.05·(1 − 1/3); unclipped a = η·√(1−β₂²)/(1−β₁²)/√v₂ is far below
    const m2 = 0.9 * 0.1 + 0.1;
    expectClose(w.data, [-0.005 - (0.05 * 2) / 3 * m2], { rtol: 1e-5 });
  });
});

describe('Yogi (docs/papers/baselines.md#yogi)', () => {
  it('golden first step: m, v start at 1e-6; v ← v − (1−β₂)·sign(v − g²)·g²', () => {
    const w = param('w', [0]);
    const opt = new Yogi([w], { lr: 0.01 });
    setGrads([w], [[0.5]]);
    opt.step();
    const m = 0.9 * 1e-6 + 0.1 * 0.5;
    const v = 1e-6 + 0.001 * 0.25;
    expectClose(w.data, [((-0.01 / 0.1) * m) / (Math.sqrt(v) / Math.sqrt(0.001) + 1e-3)], { rtol: 1e-5 });
  });

  it('G6 does not hold for Yogi: an all-zero gradient still moves θ (m starts at 1e-6)', () => {
    const w = param('w', [1]);
    const opt = new Yogi([w]);
    setGrads([w], [[0]]);
    opt.step();
    expect(w.data[0]).toBeLessThan(1);
  });
});
