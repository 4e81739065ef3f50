import { tensor } from '@gapkit/autodiff';
import { describe, expect, test } from 'vitest';
import { logitL2Penalty } from '../../src/index.js';

describe('logit L2 penalty', () => {
  test('λ_C · mean over the batch of ½ Σ_c z² (default λ_C = 1e-3)', () => {
    const z = tensor(new Float32Array([1, -2, 3, 0.5, 0, -1]), [2, 3]);
    // rows: ½(1 + 4 + 9) = 7 and ½(0.25 + 0 + 1) = 0.625; mean 3.8125
    expect(logitL2Penalty(z).item()).toBeCloseTo(1e-3 * 3.8125, 9);
    expect(logitL2Penalty(z, 0.5).item()).toBeCloseTo(0.5 * 3.8125, 6);
    expect(logitL2Penalty(z, 0).item()).toBe(0);
  });

  test('gradient is λ_C · z / B', () => {
    const z = tensor(new Float32Array([1, -2, 3, 0.5, 0, -1]), [2, 3]);
    z.requiresGrad = true;
    logitL2Penalty(z, 0.1).backward();
    Array.from(z.data).forEach((v, i) => {
      expect(z.grad!.data[i]).toBeCloseTo((0.1 * v) / 2, 7);
    });
  });

  test('bad input names the argument, the expected form and the value', () => {
    expect(() => logitL2Penalty(tensor(new Float32Array(3), [3]))).toThrow('logitL2Penalty: logits must be [B, C] with B ≥ 1, got [3]');
    expect(() => logitL2Penalty(tensor(new Float32Array(2), [1, 2]), -1)).toThrow('logitL2Penalty: lambdaC (λ_C) must be a finite number ≥ 0, got -1');
  });
});
