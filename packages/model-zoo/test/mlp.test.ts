import { Rng } from '@gapkit/autodiff';
import { describe, expect, test } from 'vitest';
import { MODELS, mlp, parameterInfo } from '../src/index.js';
import { classifierStep, randomBatch } from './helpers.js';

describe('MLP', () => {
  test('784 → 100 → 10: the sum over its layers', () => {
    const expected = 784 * 100 + 100 + (100 * 10 + 10);
    expect(MODELS.mlp.count().total).toBe(expected);
    expect(MODELS.mlp.build({}, new Rng(1)).numParameters()).toBe(expected);
  });

  test('computes fc2(relu(fc1(x)))', () => {
    const m = mlp({ inFeatures: 3, hidden: [2], numClasses: 2 }, new Rng(2));
    const [[, w1], [, b1], [, w2], [, b2]] = m.namedParameters();
    const x = randomBatch([2, 3]);
    const z = m.forward(x);
    for (let n = 0; n < 2; n++) {
      const h = [0, 1].map((j) => Math.max(0, b1.data[j] + [0, 1, 2].reduce((s, k) => s + w1.data[j * 3 + k] * x.data[n * 3 + k], 0)));
      for (let c = 0; c < 2; c++) expect(z.data[n * 2 + c]).toBeCloseTo(b2.data[c] + w2.data[c * 2] * h[0] + w2.data[c * 2 + 1] * h[1], 6);
    }
  });

  test('metadata: fc1…fcL, every weight final-homogeneous, the last layer is the classifier', () => {
    const info = parameterInfo(mlp({ inFeatures: 4, hidden: [3, 3], numClasses: 2 }, new Rng(3)));
    expect(info.map((p) => [p.name, p.tags])).toEqual([
      ['fc1.weight', ['final-homogeneous']],
      ['fc1.bias', []],
      ['fc2.weight', ['final-homogeneous']],
      ['fc2.bias', []],
      ['fc3.weight', ['classifier', 'final-homogeneous']],
      ['fc3.bias', ['classifier']],
    ]);
  });

  test('forward and backward on flat and on image-shaped input', () => {
    classifierStep(mlp({ inFeatures: 16, hidden: [8] }, new Rng(4)), [3, 16], 10);
    classifierStep(mlp({ inFeatures: 16, hidden: [] }, new Rng(4)), [3, 1, 4, 4], 10);
  });

  test('bad input names the argument, the expected form and the value', () => {
    const m = mlp({ inFeatures: 16 }, new Rng(1));
    expect(() => m.forward(randomBatch([2, 15]))).toThrow('mlp: input must be [N, 16] or [N, C, H, W] with C·H·W = 16, got [2, 15]');
    expect(() => mlp({ hidden: [0] }, new Rng(1))).toThrow('mlp: hidden must be a list of positive integers, got [0]');
  });
});
