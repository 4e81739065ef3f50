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

describe('LAMB (algorithms.md §1.8)', () => {
  it('G10: ‖Δθ‖ = η·φ(‖θ‖) whatever the gradient scale (λ ≥ 0, both variants)', () => {
    fc.assert(
      fc.property(
        valuesArb(5, { min: -3, max: 3 }),
        valuesArb(5, { min: -3, max: 3 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
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

  it('bad input names the symbol', () => {
    expect(() => new Lamb([param('w', [1])], { beta1: 2 })).toThrow(/LAMB: beta1 \(β₁\) must be in \[0, 1\), got 2/);
  });
});
