import { PROPERTY_RUNS, expectClose, valuesArb } from '@gapkit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lamb, norm } from '../../src/index.js';
import { param, setGrads } from '../helpers.js';

function stepNorm(w0: Float32Array, after: Float32Array): number {
  let s = 0;
  for (let i = 0; i < w0.length; i++) s += (after[i] - w0[i]) ** 2;
  return Math.sqrt(s);
}

describe('LAMB (docs/papers/baselines.md#lamb)', () => {
  it('G10: ‖Δθ‖ = η·φ(‖θ‖) whatever the gradient scale (λ ≥ 0, both variants)', () => {
    fc.assert(
      fc.property(
        valuesArb(5, { min: -3, max: 3 }),
        valuesArb(5, { min: -3, max: 3 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        // λ = 0 or ≥ 1e-6: a λ like 3e-162 with a zero gradient makes ‖u‖² = ‖λθ‖² underflow float64 (flaky before)
        fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 0.1, noNaN: true })),
        fc.boolean(),
        (w0, g, c, wd, paperForm) => {
          fc.pre(norm(w0) > 1e-3);
          const w = param('w', w0);
          const opt = new Lamb([w], paperForm ? { lr: 0.01, weightDecay: wd } : { lr: 0.01, weightDecay: wd, biasCorrection: false, phi: 'min10' });
          setGrads([w], [Array.from(g, (x) => x * c)]);
          const before = w.data.slice();
          opt.step();
          const wn = norm(before);
          const u = stepNorm(before, w.data);
          fc.pre(u > 0);
          expectClose([u], [0.01 * (paperForm ? wn : Math.min(wn, 10))], { rtol: 1e-4 });
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('φ = min(‖θ‖, 10): a tensor of norm 20 moves by η·10', () => {
    const w = param('w', [12, 16]); // norm 20
    const opt = new Lamb([w], { lr: 0.1, biasCorrection: false, phi: 'min10', weightDecay: 0 });
    setGrads([w], [[1, -1]]);
    opt.step();
    expectClose([stepNorm(Float32Array.from([12, 16]), w.data)], [1], { rtol: 1e-5 });
  });

  it('trust ratio 1 when ‖θ‖ = 0: the step is η·u (first step u = g/(|g| + ε))', () => {
    const w = param('w', [0, 0]);
    const opt = new Lamb([w], { lr: 0.1, eps: 0, weightDecay: 0.5 });
    setGrads([w], [[3, -2]]);
    opt.step();
    expectClose(w.data, [-0.1, 0.1], { rtol: 1e-6 });
  });

  it('bias correction changes the direction only through m̂/√v̂ (first step r = sign(g) with ε = 0)', () => {
    const w = param('w', [3, 4]); // norm 5
    const opt = new Lamb([w], { lr: 0.1, eps: 0, weightDecay: 0 });
    setGrads([w], [[2, -8]]);
    opt.step();
    // r = [1, −1], ‖r‖ = √2, Δ = −0.1·5/√2·[1, −1]
    const d = (0.1 * 5) / Math.SQRT2;
    expectClose(w.data, [3 - d, 4 + d], { rtol: 1e-6 });
  });

  it('golden first step with λ ≠ 0: u = r + λ·θ, both bias-correction forms', () => {
    // w = [3, 4] (‖w‖ = 5), g = [2, −8], ε = 0, λ = 0.1, η = 0.1, β = (0.9, 0.999).
    // bias-corrected: m̂ = g, v̂ = g² ⇒ r = sign(g) = [1, −1]; u = [1.3, −0.6], ‖u‖ = √2.05;
    //   θ ← θ − 0.1·5/√2.05·u
    const a = param('w', [3, 4]);
    const paper = new Lamb([a], { lr: 0.1, eps: 0, weightDecay: 0.1 });
    setGrads([a], [[2, -8]]);
    paper.step();
    const k = (0.1 * 5) / Math.sqrt(2.05);
    expectClose(a.data, [3 - k * 1.3, 4 + k * 0.6], { rtol: 1e-6 });
    // no bias correction: m = 0.1·g, √v = √0.001·|g| ⇒ r = (0.1/√0.001)·sign(g) = √10·[1, −1];
    //   u = [√10 + 0.3, −√10 + 0.4]; φ = min(5, 10) = 5
    const b = param('w', [3, 4]);
    const v3 = new Lamb([b], { lr: 0.1, eps: 0, weightDecay: 0.1, biasCorrection: false, phi: 'min10' });
    setGrads([b], [[2, -8]]);
    v3.step();
    const u = [Math.sqrt(10) + 0.3, -Math.sqrt(10) + 0.4];
    const kv = (0.1 * 5) / Math.hypot(u[0], u[1]);
    expectClose(b.data, [3 - kv * u[0], 4 - kv * u[1]], { rtol: 1e-6 });
  });

  it('bad input names the symbol', () => {
    expect(() => new Lamb([param('w', [1])], { beta1: 2 })).toThrow(/LAMB: beta1 \(β₁\) must be in \[0, 1\), got 2/);
  });
});
