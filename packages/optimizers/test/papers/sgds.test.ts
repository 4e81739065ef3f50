import { expectClose } from '@gapkit/testing';
import { describe, expect, it } from 'vitest';
import { Sgd, Sgds } from '../../src/index.js';
import { cloneParams, param, setGrads, trajectory, wave } from '../helpers.js';

describe('SGDS (docs/papers/adams-sgds.md#sgds-algorithm)', () => {
  it('S1: λ = 0 ⇒ SGDS ≡ SGD (bit for bit)', () => {
    const ps = [param('w', [0.5, -1, 2])];
    const qs = cloneParams(ps);
    const t1 = trajectory(new Sgds(ps, { weightDecay: 0, momentum: 0.9, nesterov: true }), ps, 10, (k) => wave(k, 0, 3));
    const t2 = trajectory(new Sgd(qs, { lr: 0.1, momentum: 0.9, nesterov: true }), qs, 10, (k) => wave(k, 0, 3));
    t1.forEach((x, k) => {
      expect(Array.from(x[0])).toEqual(Array.from(t2[k][0]));
    });
  });

  it('S2: μ = 0, τ = 0 ⇒ SGDS ≡ SGD with L2', () => {
    const ps = [param('w', [0.5, -1, 2])];
    const qs = cloneParams(ps);
    const t1 = trajectory(new Sgds(ps, { lr: 0.1, momentum: 0, weightDecay: 0.05 }), ps, 10, (k) => wave(k, 0, 3));
    const t2 = trajectory(new Sgd(qs, { lr: 0.1, weightDecay: 0.05 }), qs, 10, (k) => wave(k, 0, 3));
    t1.forEach((x, k) => {
      expectClose(x[0], t2[k][0], { rtol: 1e-6, atol: 1e-8 });
    });
  });

  it('S3: the decay multiplier is 1 − ηλ(1−τ)/(1−μ) (seen with a zero gradient)', () => {
    const w = param('w', [2, -4]);
    const opt = new Sgds([w], { lr: 0.1, momentum: 0.8, dampening: 0.5, weightDecay: 0.2 });
    setGrads([w], [[0, 0]]);
    opt.step();
    const k = 1 - (0.1 * 0.2 * (1 - 0.5)) / (1 - 0.8);
    expectClose(w.data, [2 * k, -4 * k], { rtol: 1e-6 });
  });

  it('momentum 1 is an error naming μ', () => {
    expect(() => new Sgds([param('w', [1])], { momentum: 1 })).toThrow(/SGDS: momentum \(μ\) of SGDS must be in \[0, 1\), got 1/);
  });
});
