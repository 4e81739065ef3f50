import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bceWithLogits, crossEntropy, softmax, tensor } from '../../src/index.js';
import { expectClose, gradcheck, PROPERTY_RUNS, valuesArb } from '../testing.js';

describe('softmax', () => {
  it('golden values and stability', () => {
    // [0, ln 3] → [1/4, 3/4]; [1000, 1000] → [1/2, 1/2] without overflow
    expectClose(softmax(tensor([0, Math.log(3), 1000, 1000], [2, 2]), 1), [0.25, 0.75, 0.5, 0.5], { rtol: 1e-6 });
  });
});

describe('crossEntropy', () => {
  // logits [[0, ln 3], [ln 2, 0]], labels [1, 0]:
  // row 0: −log(3/4) = 0.287682072; row 1: −log(2/3) = 0.405465108
  const logits = () => tensor([0, Math.log(3), Math.log(2), 0], [2, 2], { requiresGrad: true });
  const labels = new Int32Array([1, 0]);

  it('mean and sum reductions', () => {
    expectClose(crossEntropy(logits(), labels), (0.287682072 + 0.405465108) / 2, { rtol: 1e-6 });
    expectClose(crossEntropy(logits(), labels, { reduction: 'sum' }), 0.287682072 + 0.405465108, { rtol: 1e-6 });
  });

  it('label smoothing: (1 − ε)·nll + ε·mean_c(−log p_c)', () => {
    // ε = 0.2, C = 2. row 0: −log p = [log 4, log(4/3)] = [1.386294361, 0.287682072]
    //   0.8·0.287682072 + 0.2·(1.386294361 + 0.287682072)/2 = 0.397543301
    // row 1: −log p = [log(3/2), log 3] = [0.405465108, 1.098612289]
    //   0.8·0.405465108 + 0.2·(0.405465108 + 1.098612289)/2 = 0.474779826
    expectClose(crossEntropy(logits(), labels, { labelSmoothing: 0.2 }), (0.397543301 + 0.474779826) / 2, { rtol: 1e-6 });
  });

  it('gradient of the mean is (softmax − onehot)/N', () => {
    const l = logits();
    crossEntropy(l, labels).backward();
    // row 0: ([1/4, 3/4] − [0, 1])/2 = [0.125, −0.125]; row 1: ([2/3, 1/3] − [1, 0])/2 = [−1/6, 1/6]
    expectClose(l.grad!, [0.125, -0.125, -1 / 6, 1 / 6], { rtol: 1e-6 });
  });

  it('errors: labels out of range (index and value), wrong count, bad options', () => {
    expect(() => crossEntropy(logits(), new Int32Array([1, 2]))).toThrow(/crossEntropy labels: indices\[1\] = 2 is out of range for 2 rows \(expected 0..1\)/);
    expect(() => crossEntropy(logits(), new Int32Array([1]))).toThrow(/crossEntropy: 1 labels for logits \[2, 2\]; need one per row \(2\)/);
    expect(() => crossEntropy(tensor([1, 2], [2]), new Int32Array([0]))).toThrow(/crossEntropy: logits must be \[N, C\], got \[2\]/);
    expect(() => crossEntropy(logits(), labels, { labelSmoothing: 1 })).toThrow(/labelSmoothing must be in \[0, 1\), got 1/);
    expect(() => crossEntropy(logits(), labels, { reduction: 'none' as 'sum' })).toThrow(/reduction must be 'mean' or 'sum', got 'none'/);
  });

  it('gradcheck with random logits, labels and smoothing', () => {
    const arb = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 4 }))
      .chain(([n, c]) =>
        fc.tuple(
          valuesArb(n * c, { min: -3, max: 3 }).map((v) => tensor(v, [n, c])),
          fc.array(fc.integer({ min: 0, max: c - 1 }), { minLength: n, maxLength: n }),
          fc.constantFrom(0, 0.1),
          fc.constantFrom('mean' as const, 'sum' as const),
        ),
      );
    fc.assert(
      fc.property(arb, ([x, lab, eps, reduction]) => {
        gradcheck((a) => crossEntropy(a, Int32Array.from(lab), { labelSmoothing: eps, reduction }), [x]);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});

describe('bceWithLogits', () => {
  it('golden values, including large logits that would overflow a naive form', () => {
    // x = 0, t = 1: ln 2 = 0.693147181; x = 2, t = 0: softplus(2) = 2.126928011;
    // x = 100, t = 1: softplus(100) − 100 = ln(1 + e⁻¹⁰⁰) ≈ 3.7e−44 → 0; x = −100, t = 1: 100
    const l = bceWithLogits(tensor([0, 2, 100, -100], [4]), new Float32Array([1, 0, 1, 1]), { reduction: 'sum' });
    expectClose(l, Math.LN2 + 2.126928011 + 0 + 100, { rtol: 1e-6 });
    expectClose(bceWithLogits(tensor([0, 2], [2]), tensor([1, 0], [2])), (Math.LN2 + 2.126928011) / 2, { rtol: 1e-6 });
  });

  it('gradient is σ(x) − t, also exactly at x = 0', () => {
    const x = tensor([0, 0, 1], [3], { requiresGrad: true });
    bceWithLogits(x, new Float32Array([1, 0, 0.5]), { reduction: 'sum' }).backward();
    // σ(0) − 1 = −0.5, σ(0) − 0 = 0.5, σ(1) − 0.5 = 0.731058579 − 0.5
    expectClose(x.grad!, [-0.5, 0.5, 0.231058579], { rtol: 1e-6 });
  });

  it('rejects targets of the wrong size', () => {
    expect(() => bceWithLogits(tensor([0, 1], [2]), new Float32Array(3))).toThrow(/bceWithLogits: 3 targets for logits \[2\]; need 2/);
    expect(() => bceWithLogits(tensor([0, 1], [2]), tensor([0, 1], [1, 2]))).toThrow(/bceWithLogits: targets \[1, 2\] must have the shape of logits \[2\]/);
  });

  it('gradcheck for logits and targets', () => {
    const arb = fc
      .integer({ min: 1, max: 6 })
      .chain((n) => fc.tuple(valuesArb(n, { min: -4, max: 4 }).map((v) => tensor(v, [n])), valuesArb(n, { min: 0, max: 1 }).map((v) => tensor(v, [n]))));
    fc.assert(
      fc.property(arb, ([x, t]) => {
        gradcheck((a, b) => bceWithLogits(a, b), [x, t]);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
