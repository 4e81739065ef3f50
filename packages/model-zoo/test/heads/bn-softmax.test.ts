import { crossEntropy, Rng } from '@gapkit/autodiff';
import { describe, expect, test } from 'vitest';
import { BN_SOFTMAX_GAMMA, BnSoftmax, MODELS, parameterInfo, withBnSoftmax } from '../../src/index.js';
import { expectGradients, labels, randomBatch } from '../helpers.js';

/** Per-class batch mean and biased variance of z [N, C]. */
function columnStats(z: Float32Array, n: number, c: number): { mean: number[]; variance: number[] } {
  const mean = Array.from({ length: c }, (_, j) => Array.from({ length: n }, (_, i) => z[i * c + j]).reduce((a, b) => a + b, 0) / n);
  const variance = mean.map((m, j) => Array.from({ length: n }, (_, i) => (z[i * c + j] - m) ** 2).reduce((a, b) => a + b, 0) / n);
  return { mean, variance };
}

describe('BN-softmax head', () => {
  test('training: each class is normalized over the batch to mean β_c and scale γ_C', () => {
    const head = new BnSoftmax({ numClasses: 3, gammaC: BN_SOFTMAX_GAMMA.cifar10 });
    head.bn.bias!.data.set([0.5, -1, 0]);
    const z = randomBatch([16, 3], 11);
    const zin = columnStats(z.data, 16, 3);
    const out = columnStats(head.forward(z).data, 16, 3);
    out.mean.forEach((m, j) => {
      expect(m).toBeCloseTo([0.5, -1, 0][j], 5);
    });
    // std = γ_C·σ/√(σ² + ε_BN), ε_BN = 0.001
    out.variance.forEach((v, j) => {
      expect(Math.sqrt(v)).toBeCloseTo((2.5 * Math.sqrt(zin.variance[j])) / Math.sqrt(zin.variance[j] + 1e-3), 4);
    });
  });

  test('evaluation uses running statistics (momentum 0.1 = decay 0.9, unbiased variance)', () => {
    const head = new BnSoftmax({ numClasses: 2, gammaC: 1 });
    const z = randomBatch([8, 2], 12);
    head.forward(z); // one training step updates the running stats from (0, 1)
    const s = columnStats(z.data, 8, 2);
    const rm = s.mean.map((m) => 0.1 * m);
    const rv = s.variance.map((v) => 0.9 + 0.1 * ((v * 8) / 7));
    head.eval();
    const y = head.forward(z);
    for (let i = 0; i < 8; i++) {
      for (let j = 0; j < 2; j++) expect(y.data[i * 2 + j]).toBeCloseTo((z.data[i * 2 + j] - rm[j]) / Math.sqrt(rv[j] + 1e-3), 5);
    }
  });

  test('one trainable tensor, the shift β (norm-shift); γ_C is not a parameter', () => {
    const info = parameterInfo(new BnSoftmax({ numClasses: 10, gammaC: 2.5 }));
    expect(info).toEqual([{ name: 'bn.bias', layer: 'bn', shape: [10], role: 'norm-shift', unitAxes: undefined, tags: [] }]);
  });

  test('wraps any classifier: names move under body./head., tags stay, gradients reach both', () => {
    const body = MODELS.resnet.build({ widths: [4, 8, 16] }, new Rng(1));
    const m = withBnSoftmax(body, { numClasses: 10, gammaC: BN_SOFTMAX_GAMMA.cifar100 });
    const info = parameterInfo(m);
    expect(info.at(-1)?.name).toBe('head.bn.bias');
    expect(info.filter((p) => p.tags.includes('classifier')).map((p) => p.name)).toEqual(['body.fc.weight', 'body.fc.bias']);
    const logits = m.forward(randomBatch([4, 3, 8, 8]));
    expect(logits.shape).toEqual([4, 10]);
    crossEntropy(logits, labels(4, 10), { reduction: 'mean' }).backward();
    expectGradients(m);
    expect(m.head.bn.bias!.grad!.data.some((v) => v !== 0)).toBe(true);
  });

  test('bad input names the argument, the expected form and the value', () => {
    expect(() => new BnSoftmax({ numClasses: 10, gammaC: 0 })).toThrow('BnSoftmax: gammaC (γ_C) must be a finite number > 0, got 0');
    expect(() => new BnSoftmax({ numClasses: 0, gammaC: 1 })).toThrow('BnSoftmax: numClasses must be a positive integer, got 0');
    expect(() => new BnSoftmax({ numClasses: 3, gammaC: 1 }).forward(randomBatch([2, 3, 1]))).toThrow('BnSoftmax: logits must be [N, 3], got [2, 3, 1]');
  });
});
