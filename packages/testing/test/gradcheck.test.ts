import { fromOp, mul, sum, Tensor, tensor } from '@gapkit/autodiff';
import { describe, expect, it } from 'vitest';
import { gradcheck } from '../src/index.js';

/** x² with a deliberately wrong backward (x instead of 2x), to prove gradcheck can fail. */
function brokenSquare(x: Tensor): Tensor {
  const y = x.data.map((v) => v * v);
  return fromOp('brokenSquare', y, x.shape, [x], (dy) => [new Tensor(dy.data.map((d, i) => d * x.data[i]), x.shape)]);
}

describe('gradcheck', () => {
  it('passes a correct gradient and reports how many elements it compared', () => {
    const x = tensor([0.5, -1.5, 2], [3]);
    const y = tensor([1, 2, -0.5], [3]);
    const report = gradcheck((a, b) => mul(a, b), [x, y]);
    expect(report.checked).toBe(6);
    expect(report.worstRatio).toBeLessThanOrEqual(1);
  });

  it('fails a wrong gradient, naming the input and element', () => {
    expect(() => gradcheck((a) => sum(brokenSquare(a)), [tensor([0.5, 1.5], [2])])).toThrow(/gradcheck: gradient mismatch.*input 0/);
  });

  it('does not modify the caller’s tensors', () => {
    const x = tensor([0.25, 0.75], [2]);
    gradcheck((a) => mul(a, a), [x]);
    expect(Array.from(x.data)).toEqual([0.25, 0.75]);
    expect(x.grad).toBeNull();
  });
});
