import { expectClose } from '@gapkit/testing';
import { describe, expect, it } from 'vitest';
import { Sgd } from '../../src/index.js';
import { param, setGrads, trajectory } from '../helpers.js';

describe('SGD (PyTorch semantics, docs/papers/baselines.md#sgd-momentum)', () => {
  it('golden steps: momentum 0.9, L2 0.1, lr 0.5 on w = [1, −2]', () => {
    const w = param('w', [1, -2]);
    const opt = new Sgd([w], { lr: 0.5, momentum: 0.9, weightDecay: 0.1 });
    // step 1: d = g + λw = [0.2 + 0.1, 0.4 − 0.2] = [0.3, 0.2]; b = d (first step, copied);
    //         w = [1 − 0.5·0.3, −2 − 0.5·0.2] = [0.85, −2.1]
    setGrads([w], [[0.2, 0.4]]);
    opt.step();
    expectClose(w.data, [0.85, -2.1], { rtol: 1e-6 });
    // step 2: d = [0.2 + 0.085, 0.4 − 0.21] = [0.285, 0.19]; b = 0.9·[0.3, 0.2] + d = [0.555, 0.37];
    //         w = [0.85 − 0.2775, −2.1 − 0.185] = [0.5725, −2.285]
    setGrads([w], [[0.2, 0.4]]);
    opt.step();
    expectClose(w.data, [0.5725, -2.285], { rtol: 1e-6 });
  });

  it('G7: with dampening τ > 0 the first update is −η·g₁ (buffer undamped)', () => {
    const w = param('w', [0, 0, 0]);
    const opt = new Sgd([w], { lr: 0.1, momentum: 0.9, dampening: 0.5 });
    setGrads([w], [[1, -2, 3]]);
    opt.step();
    expectClose(w.data, [-0.1, 0.2, -0.3], { rtol: 1e-6 });
    // second step is damped: b = 0.9·g + 0.5·g = 1.4·g; total = −0.1·(1 + 1.4)·g
    setGrads([w], [[1, -2, 3]]);
    opt.step();
    expectClose(w.data, [-0.24, 0.48, -0.72], { rtol: 1e-6 });
  });

  it('G8: constant gradient, τ = 0 ⇒ b_t = g·(1−μᵗ)/(1−μ)', () => {
    const w = param('w', [0]);
    const mu = 0.8;
    const opt = new Sgd([w], { lr: 1, momentum: mu });
    let sum = 0;
    for (let t = 1; t <= 6; t++) {
      setGrads([w], [[1]]);
      opt.step();
      sum += (1 - mu ** t) / (1 - mu);
      expect(w.data[0]).toBeCloseTo(-sum, 5);
      expectClose(opt.stateOf('w')!.b, [(1 - mu ** t) / (1 - mu)], { rtol: 1e-6 });
    }
  });

  it('Nesterov: d = g + μ·b', () => {
    const w = param('w', [0]);
    const opt = new Sgd([w], { lr: 1, momentum: 0.5, nesterov: true });
    const traj = trajectory(opt, [w], 2, () => [1]);
    // step 1: b = 1, d = 1 + 0.5 = 1.5; step 2: b = 1.5, d = 1 + 0.75 = 1.75
    expectClose(traj[0][0], [-1.5], { rtol: 1e-6 });
    expectClose(traj[1][0], [-3.25], { rtol: 1e-6 });
  });

  it('maximize ascends', () => {
    const w = param('w', [0]);
    const opt = new Sgd([w], { lr: 0.1, maximize: true });
    setGrads([w], [[2]]);
    opt.step();
    expectClose(w.data, [0.2], { rtol: 1e-6 });
  });

  it('bad input names the symbol and range', () => {
    const w = param('w', [0]);
    expect(() => new Sgd([w], { nesterov: true })).toThrow(/nesterov requires momentum \(μ\) > 0 and dampening \(τ\) = 0, got μ = 0/);
    expect(() => new Sgd([w], { lr: -1 })).toThrow(/SGD: lr \(η\) must be in \[0, ∞\), got -1/);
    expect(() => new Sgd([w], { momentum: 1.5 })).toThrow(/momentum \(μ\) must be in \[0, 1\], got 1.5/);
    expect(() => new Sgd([w], { momentum: 0.9, dampening: 0.1, nesterov: true })).toThrow(/dampening/);
  });
});
