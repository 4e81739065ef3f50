import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, batchNormTraining, div, mean, mul, reshape, sqrt, square, sub, type Tensor, tensor } from '../../src/index.js';
import { expectClose, gradcheck, valuesArb } from '../testing.js';

/** The same normalization composed from primitives: an independent oracle for the fused op. */
function composite(x: Tensor, gamma: Tensor, beta: Tensor, eps: number): Tensor {
  const axes = x.shape.map((_, i) => i).filter((i) => i !== 1);
  const bshape = x.shape.map((d, i) => (i === 1 ? d : 1));
  const mu = mean(x, axes, true);
  const centered = sub(x, mu);
  const v = mean(square(centered), axes, true);
  const xhat = div(centered, sqrt(add(v, eps)));
  return add(mul(xhat, reshape(gamma, bshape)), reshape(beta, bshape));
}

describe('batchNormTraining (fused primitive)', () => {
  it('golden values for [N, C] = [4, 1]', () => {
    // x = [1, 2, 3, 4]: μ = 2.5, biased σ² = (2.25 + 0.25 + 0.25 + 2.25)/4 = 1.25
    // x̂ = (x − 2.5)/√1.25 = [−1.341640786, −0.447213595, 0.447213595, 1.341640786] (eps = 0)
    // y = 2·x̂ + 1 = [−1.683281573, 0.105572809, 1.894427191, 3.683281573]
    const r = batchNormTraining(tensor([1, 2, 3, 4], [4, 1]), tensor([2], [1]), tensor([1], [1]), 0);
    expectClose(r.y, [-1.683281573, 0.105572809, 1.894427191, 3.683281573], { rtol: 1e-6 });
    expect(Array.from(r.mean)).toEqual([2.5]);
    expect(Array.from(r.varBiased)).toEqual([1.25]);
    expect(r.count).toBe(4);
  });

  it('a fixed number scale multiplies x̂; null scale and shift mean 1 and 0', () => {
    // x̂ as above; 3·x̂[0] = −4.024922359
    expectClose(batchNormTraining(tensor([1, 2, 3, 4], [4, 1]), 3, null, 0).y.data[0], -4.024922359, { rtol: 1e-6 });
    expectClose(batchNormTraining(tensor([1, 2, 3, 4], [4, 1]), null, null, 0).y.data[3], 1.341640786, { rtol: 1e-6 });
  });

  it('rejects a gamma of the wrong size, naming it', () => {
    expect(() => batchNormTraining(tensor([1, 2, 3, 4], [2, 2]), tensor([1], [1]), null, 1e-5)).toThrow(/batchNorm: gamma \[1\] must be \[2\] for input \[2, 2\]/);
  });

  it('agrees with the composite of primitives, forward and backward, on [N, C, H, W]', () => {
    const arb = fc
      .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
      .chain(([n, c, hw]) =>
        fc.tuple(
          valuesArb(n * c * hw * hw).map((v) => tensor(v, [n, c, hw, hw], { requiresGrad: true })),
          valuesArb(c).map((v) => tensor(v, [c], { requiresGrad: true })),
          valuesArb(c).map((v) => tensor(v, [c], { requiresGrad: true })),
          valuesArb(n * c * hw * hw).map((v) => tensor(v, [n, c, hw, hw])),
        ),
      );
    fc.assert(
      fc.property(arb, ([x, g, b, seed]) => {
        const fused = batchNormTraining(x, g, b, 1e-3).y;
        fused.backward(seed);
        const grads = [x, g, b].map((t) => t.grad!.data.slice());
        for (const t of [x, g, b]) t.grad = null;
        const ref = composite(x, g, b, 1e-3);
        ref.backward(seed);
        expectClose(fused, ref, { rtol: 1e-4, atol: 1e-5, what: 'y' });
        [x, g, b].forEach((t, k) => {
          expectClose(grads[k], t.grad!, { rtol: 1e-3, atol: 1e-4, what: `grad ${k}` });
        });
      }),
      { numRuns: 15 },
    );
  });

  it('gradcheck for x, gamma and beta on [N, C] and [N, C, H, W]', () => {
    const arb = fc.constantFrom<number[]>([4, 2], [2, 2, 2, 2], [3, 1, 2, 1]).chain((s) =>
      fc.tuple(
        valuesArb(s.reduce((p, d) => p * d, 1)).map((v) => tensor(v, s)),
        valuesArb(s[1]).map((v) => tensor(v, [s[1]])),
        valuesArb(s[1]).map((v) => tensor(v, [s[1]])),
      ),
    );
    fc.assert(
      fc.property(arb, ([x, g, b]) => {
        // eps 0.1 keeps 1/√(σ² + eps) well-conditioned when a random channel has a tiny variance.
        gradcheck((xx, gg, bb) => batchNormTraining(xx, gg, bb, 0.1).y, [x, g, b], { eps: 3e-3 });
      }),
      { numRuns: 15 },
    );
  });
});
