/**
 * Worked example of the optimizer kit (`@gapkit/testing`, see packages/testing/README.md): your own
 * optimizer, and the law that it must reduce to gapkit's SGD. Copy this file to start testing yours.
 *
 * `EmaMomentum` keeps an exponential moving average of the gradient, m ← β·m + (1 − β)·g, and steps
 * w ← w − α·m. Unrolling both recurrences, m = (1 − β)·b where b is SGD's momentum buffer
 * (b ← β·b + g, dampening 0), so EmaMomentum(α, β) ≡ SGD(lr α(1 − β), momentum β): the same structure as
 * Padam's p = 0 reduction (docs/papers/padam.md, "Reduces to").
 */
import type { Parameter } from '@gapkit/autodiff';
import { Sgd } from '@gapkit/optimizers';
import { assertReducesTo } from '@gapkit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** The user's optimizer: any object with `step()` that reads `.grad` from its parameters. */
class EmaMomentum {
  private readonly m = new Map<Parameter, Float32Array>();
  private readonly params: readonly Parameter[];
  private readonly alpha: number;
  private readonly beta: number;
  constructor(params: readonly Parameter[], alpha: number, beta: number) {
    this.params = params;
    this.alpha = alpha;
    this.beta = beta;
  }
  step(): void {
    for (const p of this.params) {
      if (!p.grad) continue; // no gradient this step: leave the tensor and its state alone, as SGD does
      const m = this.m.get(p) ?? new Float32Array(p.size);
      this.m.set(p, m);
      for (let i = 0; i < p.size; i++) {
        m[i] = this.beta * m[i] + (1 - this.beta) * p.grad.data[i];
        p.data[i] -= this.alpha * m[i];
      }
    }
  }
}

const hyper = fc.record({ alpha: fc.double({ min: 1e-3, max: 0.5, noNaN: true }), beta: fc.double({ min: 0, max: 0.99, noNaN: true }) });

describe('worked example: my optimizer reduces to SGD', () => {
  it('EmaMomentum(α, β) ≡ SGD(lr α(1−β), momentum β) on random tensors, gradients and hyperparameters', () => {
    assertReducesTo({
      hyper,
      subject: ({ alpha, beta }) => ({ make: (ps) => new EmaMomentum(ps, alpha, beta), code: `new EmaMomentum(params, ${alpha}, ${beta})` }),
      reference: ({ alpha, beta }) => ({
        make: (ps) => new Sgd(ps, { lr: alpha * (1 - beta), momentum: beta }),
        code: `new Sgd(params, { lr: ${alpha * (1 - beta)}, momentum: ${beta} })`,
      }),
      // float32 storage: the two sides round α·m and α(1−β)·b differently, a few ulps per step.
      tolerance: { rtol: 1e-5, atol: 1e-6 },
    });
  });

  it('the law can fail: with dampening 0.5 SGD is another rule, and the kit says where', () => {
    expect(() =>
      assertReducesTo({
        subject: () => ({ make: (ps) => new EmaMomentum(ps, 0.1, 0.9), code: 'new EmaMomentum(params, 0.1, 0.9)' }),
        reference: () => ({ make: (ps) => new Sgd(ps, { lr: 0.01, momentum: 0.9, dampening: 0.5 }), code: 'new Sgd(params, { lr: 0.01, momentum: 0.9, dampening: 0.5 })' }),
        stream: { minSteps: 3, absent: 0 },
      }),
    ).toThrow(/reducesTo fails[\s\S]*Replay:[\s\S]*new Sgd\(params, \{ lr: 0.01, momentum: 0.9, dampening: 0.5 \}\)/);
  });
});
