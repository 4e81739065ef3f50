import { describe, expect, it } from 'vitest';
import { abs, clamp, exp, leakyRelu, log, neg, pow, relu, sigmoid, softplus, sqrt, square, sum, tanh, tensor } from '../../src/index.js';
import { expectClose } from '../testing.js';

const x = () => tensor([-2, -0.5, 0, 1, 4], [5]);

describe('elementwise unary ops: golden forward values', () => {
  it('neg, abs, square, relu, leakyRelu, clamp', () => {
    expect(Array.from(neg(x()).data)).toEqual([2, 0.5, -0, -1, -4]);
    expect(Array.from(abs(x()).data)).toEqual([2, 0.5, 0, 1, 4]);
    // (−2)² = 4, (−0.5)² = 0.25, 0, 1, 16
    expect(Array.from(square(x()).data)).toEqual([4, 0.25, 0, 1, 16]);
    expect(Array.from(relu(x()).data)).toEqual([0, 0, 0, 1, 4]);
    // 0.1·(−2) = −0.2, 0.1·(−0.5) = −0.05
    expectClose(leakyRelu(x(), 0.1), [-0.2, -0.05, 0, 1, 4], { rtol: 1e-7 });
    expect(Array.from(clamp(x(), -1, 2).data)).toEqual([-1, -0.5, 0, 1, 2]);
    expect(Array.from(clamp(x(), undefined, 0).data)).toEqual([-2, -0.5, 0, 0, 0]);
  });

  it('exp, log, sqrt, pow', () => {
    // e⁰ = 1, e¹ = 2.718281828, e² = 7.389056099
    expectClose(exp(tensor([0, 1, 2], [3])), [1, Math.E, 7.389056099], { rtol: 1e-6 });
    // ln 1 = 0, ln e = 1, ln 0.5 = −0.693147181
    expectClose(log(tensor([1, Math.E, 0.5], [3])), [0, 1, -Math.LN2], { rtol: 1e-6, atol: 1e-7 });
    // √4 = 2, √0.25 = 0.5, √2 = 1.414213562
    expectClose(sqrt(tensor([4, 0.25, 2], [3])), [2, 0.5, Math.SQRT2], { rtol: 1e-6 });
    // 2³ = 8, 4³ = 64, 2³ = 8; then 4^0.5 = 2, 9^0.5 = 3; then 2^−1 = 0.5
    expectClose(pow(tensor([2, 4, 2], [3]), 3), [8, 64, 8], { rtol: 1e-7 });
    expectClose(pow(tensor([4, 9], [2]), 0.5), [2, 3], { rtol: 1e-7 });
    expectClose(pow(tensor([2], [1]), -1), [0.5], { rtol: 1e-7 });
  });

  it('sigmoid, tanh, softplus, including far tails without overflow', () => {
    // σ(0) = 0.5, σ(2) = 1/(1+e⁻²) = 0.880797078, σ(−2) = 0.119202922, σ(±100) = 1, ~3.7e−44 (0 in f32)
    expectClose(sigmoid(tensor([0, 2, -2, 100, -100], [5])), [0.5, 0.880797078, 0.119202922, 1, 0], { rtol: 1e-6, atol: 1e-30 });
    // tanh(0) = 0, tanh(1) = 0.761594156, tanh(−1) = −0.761594156
    expectClose(tanh(tensor([0, 1, -1], [3])), [0, 0.761594156, -0.761594156], { rtol: 1e-6 });
    // softplus(0) = ln 2 = 0.693147181, softplus(1) = ln(1+e) = 1.313261687, softplus(100) = 100, softplus(−100) = e⁻¹⁰⁰ ≈ 3.7e−44
    expectClose(softplus(tensor([0, 1, 100, -100], [4])), [Math.LN2, 1.313261687, 100, 0], { rtol: 1e-6, atol: 1e-30 });
  });

  it('backward at kinks follows PyTorch: relu′(0) = 0, |x|′(0) = 0, clamp passes the bound itself', () => {
    const z = tensor([0, 0, 0], [3], { requiresGrad: true });
    sum(relu(z)).backward();
    expect(Array.from(z.grad!.data)).toEqual([0, 0, 0]);
    z.grad = null;
    sum(abs(z)).backward();
    expect(Array.from(z.grad!.data)).toEqual([0, 0, 0]);
    const c = tensor([-1, 2, 3], [3], { requiresGrad: true });
    sum(clamp(c, -1, 2)).backward();
    expect(Array.from(c.grad!.data)).toEqual([1, 1, 0]);
  });

  it('reject bad parameters with a message naming the op', () => {
    expect(() => clamp(x(), 2, 1)).toThrow(/clamp: need min ≤ max, got min 2 and max 1/);
    expect(() => pow(x(), Number.NaN)).toThrow(/pow: exponent must be a finite number/);
  });
});
