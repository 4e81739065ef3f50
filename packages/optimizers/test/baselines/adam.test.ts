import { PROPERTY_RUNS, expectClose, valuesArb } from '@gapkit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Parameter } from '@gapkit/autodiff';
import { Adam, AdamS, AdamW, AmsGrad } from '../../src/index.js';
import { cloneParams, maxAbsDiff, param, setGrads, trajectory, wave } from '../helpers.js';

describe('Adam / AdamW / AMSGrad (PyTorch semantics, docs/papers/baselines.md#adam)', () => {
  it('G3: the first step is −η·g/(|g| + ε) (paper-form ε)', () => {
    const w = param('w', [1, 1, 1]);
    const opt = new Adam([w], { lr: 0.1, eps: 1e-3 });
    setGrads([w], [[2, -0.5, 0]]);
    opt.step();
    // m̂ = g, v̂ = g² ⇒ Δ = −0.1·g/(|g| + 1e-3)
    expectClose(w.data, [1 - 0.1 * (2 / 2.001), 1 + 0.1 * (0.5 / 0.501), 1], { rtol: 1e-6 });
  });

  it('G2: constant gradient ⇒ every step is −η·g/(|g| + ε)', () => {
    const w = param('w', [0, 0]);
    const opt = new Adam([w], { lr: 0.01, eps: 1e-2, beta1: 0.8, beta2: 0.9 });
    const g = [0.3, -0.05];
    const traj = trajectory(opt, [w], 8, () => g);
    traj.forEach((ws, k) => {
      const want = g.map((gi) => -(k + 1) * 0.01 * (gi / (Math.abs(gi) + 1e-2)));
      expectClose(ws[0], want, { rtol: 1e-5, atol: 1e-7 });
    });
  });

  it('L2 vs decoupled decay (AdamW: θ ← θ·(1 − ηλ) first, then Adam on the raw gradient)', () => {
    const a = param('w', [2]);
    const adamw = new AdamW([a], { lr: 0.1, weightDecay: 0.5, eps: 0 });
    setGrads([a], [[4]]);
    adamw.step();
    // 2·(1 − 0.05) − 0.1·sign(4) = 1.8
    expectClose(a.data, [1.8], { rtol: 1e-6 });
    const b = param('w', [2]);
    const adam = new Adam([b], { lr: 0.1, weightDecay: 0.5, eps: 0 });
    setGrads([b], [[-4]]);
    adam.step();
    // d = −4 + 0.5·2 = −3 ⇒ first step −0.1·sign(d) = +0.1
    expectClose(b.data, [2.1], { rtol: 1e-6 });
  });

  it('G5: v_max never decreases, and with non-decreasing |g| AMSGrad ≡ Adam', () => {
    const ps = [param('w', [0.5, -0.5])];
    const qs = cloneParams(ps);
    const ams = new AmsGrad(ps, { lr: 0.01 });
    const adam = new Adam(qs, { lr: 0.01 });
    let prev = new Float32Array(2);
    const grads = (k: number) => [0.1 * (k + 1), -0.2 * (k + 1)];
    for (let k = 0; k < 10; k++) {
      setGrads(ps, [grads(k)]);
      setGrads(qs, [grads(k)]);
      ams.step();
      adam.step();
      const vmax = ams.stateOf('w')!.vMax!;
      for (let i = 0; i < 2; i++) expect(vmax[i]).toBeGreaterThanOrEqual(prev[i]);
      prev = vmax.slice();
    }
    expect(maxAbsDiff([ps[0].data], [qs[0].data])).toBe(0);
  });

  it('AMSGrad keeps the max of the raw v and bias-corrects with the current t (not max of v̂)', () => {
    const w = param('w', [0]);
    const opt = new AmsGrad([w], { lr: 1, beta1: 0, beta2: 0.5, eps: 0 });
    // t=1: g=2, v=2 (0.5·4), vmax=2, step = g/(√2/√0.5) = 2/2 = 1 → w = −1
    // t=2: g=1, v=0.5·2 + 0.5·1 = 1.5, vmax = 2, step = 1/(√2/√0.75) = √0.75/√2 ≈ 0.6124
    setGrads([w], [[2]]);
    opt.step();
    setGrads([w], [[1]]);
    opt.step();
    expectClose(w.data, [-1 - Math.sqrt(0.75) / Math.sqrt(2)], { rtol: 1e-6 });
  });

  it('a null gradient skips the tensor entirely; an all-zero gradient is a real step', () => {
    const a = param('a', [1]);
    const b = param('b', [1]);
    const opt = new AdamW([a, b], { lr: 0.1, weightDecay: 0.1 });
    setGrads([a, b], [[1], null]);
    opt.step();
    expect(b.data[0]).toBe(1); // no decoupled decay either
    expect(opt.stateOf('b')).toBeUndefined();
    setGrads([a, b], [[0], [0]]);
    opt.step();
    expect(opt.stateOf('a')!.t).toBe(2);
    expect(opt.stateOf('b')!.t).toBe(1);
    expectClose(b.data, [1 * (1 - 0.01)], { rtol: 1e-7 }); // zero gradient: decay only
  });

  it('G4: with ε = 0, λ = 0, scaling every gradient by c > 0 leaves the trajectory unchanged (Adam, AMSGrad, AdamW, AdamS)', () => {
    const makers = [
      (ps: Parameter[]) => new Adam(ps, { lr: 0.01, eps: 0 }),
      (ps: Parameter[]) => new AmsGrad(ps, { lr: 0.01, eps: 0 }),
      (ps: Parameter[]) => new AdamW(ps, { lr: 0.01, eps: 0, weightDecay: 0 }),
      (ps: Parameter[]) => new AdamS(ps, { lr: 0.01, eps: 0, weightDecay: 0 }),
    ];
    fc.assert(
      fc.property(valuesArb(3, { min: -2, max: 2 }), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.constantFrom(...makers), (w0, c, make) => {
        const ps = [param('w', w0)];
        const qs = cloneParams(ps);
        const o1 = make(ps);
        const o2 = make(qs);
        const t1 = trajectory(o1, ps, 5, (k) => wave(k, 0, 3));
        const t2 = trajectory(o2, qs, 5, (k) => wave(k, 0, 3, c));
        t1.forEach((x, k) => {
          expectClose(t2[k][0], x[0], { rtol: 1e-5, atol: 1e-6 });
        });
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('bad input names the symbol and range', () => {
    const w = param('w', [0]);
    expect(() => new Adam([w], { beta1: 1 })).toThrow(/Adam: beta1 \(β₁\) must be in \[0, 1\), got 1/);
    expect(() => new Adam([w], { beta2: -0.1 })).toThrow(/beta2 \(β₂\) must be in \[0, 1\), got -0.1/);
    expect(() => new Adam([w], { eps: -1e-8 })).toThrow(/eps \(ε\) must be in \[0, ∞\), got -1e-8/);
    expect(() => new AdamW([w], { lr: -0.1 })).toThrow(/AdamW: lr \(η\) must be in \[0, ∞\), got -0.1/);
  });
});

describe('switching AMSGrad between steps', () => {
  it('on: the max starts from the current v; off: the plain v is used again', () => {
    const w = param('w', [0]);
    const opt = new Adam([w], { lr: 0.1, beta1: 0, beta2: 0.5, eps: 0 });
    setGrads([w], [[2]]);
    opt.step();
    opt.groups[0].options.amsgrad = true;
    setGrads([w], [[1]]);
    opt.step();
    expect(Array.from(opt.stateOf('w')!.vMax!)).toEqual([2]); // max(v₁ = 2, v₂ = 1.5)
    opt.groups[0].options.amsgrad = false;
    setGrads([w], [[1]]);
    opt.step();
    expect(opt.stateOf('w')!.vMax).toBeNull();
  });
});
