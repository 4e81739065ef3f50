import { describe, expect, it } from 'vitest';
import { batchNorm, ones, sum, tensor, zeros } from '../../src/index.js';
import { expectClose, gradcheck } from '../testing.js';

// x [N=2, C=2, H=1, W=2]: channel 0 holds [1, 3, 5, 7], channel 1 holds [2, 2, 4, 4]
const x = () => tensor([1, 3, 2, 2, 5, 7, 4, 4], [2, 2, 1, 2]);

describe('batchNorm (PyTorch semantics)', () => {
  it('training: normalizes with the biased batch variance, stores the unbiased one', () => {
    const runningMean = zeros([2]);
    const runningVar = ones([2]);
    const y = batchNorm(x(), { gamma: null, beta: null, runningMean, runningVar, training: true, momentum: 0.1, eps: 0 });
    // channel 0: μ = 4, biased σ² = (9+1+1+9)/4 = 5, unbiased = 20/3; x̂ = (x − 4)/√5
    // channel 1: μ = 3, biased σ² = 1, unbiased = 4/3; x̂ = [−1, −1, 1, 1]
    expectClose(y, [-3 / Math.sqrt(5), -1 / Math.sqrt(5), -1, -1, 1 / Math.sqrt(5), 3 / Math.sqrt(5), 1, 1], { rtol: 1e-6 });
    // running_mean = 0.9·0 + 0.1·μ = [0.4, 0.3]; running_var = 0.9·1 + 0.1·unbiased = [0.9 + 2/3, 0.9 + 0.4/3]
    expectClose(runningMean, [0.4, 0.3], { rtol: 1e-6 });
    expectClose(runningVar, [0.9 + 2 / 3, 0.9 + 0.4 / 3], { rtol: 1e-6 });
  });

  it('eval: uses the running statistics and leaves them unchanged', () => {
    const runningMean = tensor([1, -1], [2]);
    const runningVar = tensor([4, 1], [2]);
    const y = batchNorm(x(), { gamma: tensor([2, 1], [2]), beta: tensor([0, 10], [2]), runningMean, runningVar, training: false, momentum: 0.1, eps: 0 });
    // channel 0: 2·(x − 1)/2 = x − 1 → [0, 2, 4, 6]; channel 1: (x + 1)/1 + 10 → [13, 13, 15, 15]
    expect(Array.from(y.data)).toEqual([0, 2, 13, 13, 4, 6, 15, 15]);
    expect(Array.from(runningMean.data)).toEqual([1, -1]);
    expect(Array.from(runningVar.data)).toEqual([4, 1]);
  });

  it('eval with a fixed number scale', () => {
    const y = batchNorm(tensor([3, 5], [1, 2]), { gamma: 2, beta: null, runningMean: tensor([1, 1], [2]), runningVar: tensor([1, 4], [2]), training: false, momentum: 0.1, eps: 0 });
    // 2·(3 − 1)/1 = 4, 2·(5 − 1)/2 = 4
    expect(Array.from(y.data)).toEqual([4, 4]);
  });

  it('eval gradcheck for x, gamma and beta', () => {
    const rm = tensor([0.5, -0.2], [2]);
    const rv = tensor([1.5, 0.7], [2]);
    gradcheck(
      (xx, g, b) => batchNorm(xx, { gamma: g, beta: b, runningMean: rm, runningVar: rv, training: false, momentum: 0.1, eps: 1e-5 }),
      [tensor([0.3, -1.2, 0.8, 1.9, -0.4, 0.1], [3, 2]), tensor([1.2, 0.7], [2]), tensor([0.1, -0.3], [2])],
    );
  });

  it('training refuses one value per channel and mismatched running stats', () => {
    const opts = { gamma: null, beta: null, runningMean: zeros([2]), runningVar: ones([2]), training: true, momentum: 0.1, eps: 1e-5 };
    expect(() => batchNorm(tensor([1, 2], [1, 2]), opts)).toThrow(/batchNorm: training needs more than 1 value per channel, got input \[1, 2\]/);
    expect(() => batchNorm(tensor([1, 2, 3], [1, 3]), opts)).toThrow(/batchNorm: runningMean \[2\] must have 3 values for input \[1, 3\]/);
  });

  it('train-mode gradient w.r.t. beta is Σ dy and w.r.t. x sums to 0 per channel', () => {
    const xx = tensor([1, 3, 2, 2, 5, 7, 4, 4], [2, 2, 1, 2], { requiresGrad: true });
    const b = tensor([0, 0], [2], { requiresGrad: true });
    const y = batchNorm(xx, { gamma: null, beta: b, runningMean: zeros([2]), runningVar: ones([2]), training: true, momentum: 0.1, eps: 1e-5 });
    sum(y).backward();
    expect(Array.from(b.grad!.data)).toEqual([4, 4]);
    expectClose(xx.grad!, new Array(8).fill(0), { atol: 1e-6 });
  });
});
