/**
 * Laws of the Adam family, AdamS and SGDS (docs/papers/baselines.md, docs/papers/adams-sgds.md; Xie et
 * al., "On the Overlooked Pitfalls of Weight Decay and How to Mitigate Them", NeurIPS 2023,
 * arXiv:2011.11152) over random tensor sets, gradient streams and hyperparameters.
 *
 * Tolerances: two float32 implementations of one recurrence, ≤ 8 steps: rtol 1e-5; AdamS computes
 * √(v/(1−β₂ᵗ)) where Adam computes √v/√(1−β₂ᵗ), a few ulps per step.
 */
import { assertReducesTo, type Subject, transformGradients } from '@gapkit/testing';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { Adam, AdamS, AdamW, AmsGrad, Sgd, Sgds } from '../../src/index.js';

const adamHyper = fc.record({
  lr: fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
  beta1: fc.double({ min: 0, max: 0.95, noNaN: true }),
  beta2: fc.double({ min: 0.5, max: 0.999, noNaN: true }),
  eps: fc.constantFrom(1e-8, 1e-6, 1e-3),
});
type AdamHyper = typeof adamHyper extends fc.Arbitrary<infer H> ? H : never;

type Ctor = new (params: import('@gapkit/autodiff').Parameter[], options: object) => { step(): unknown };
const subject = (Cls: Ctor, title: string, o: object): Subject => ({ make: (ps) => new Cls(ps, o), code: `new ${title}(params, ${JSON.stringify(o)})` });

describe('G1 / A1: AdamW(λ = 0) ≡ Adam(λ = 0) ≡ AdamS(λ = 0)', () => {
  for (const [Cls, title] of [
    [AdamW, 'AdamW'],
    [AdamS, 'AdamS'],
  ] as const) {
    it(`${title}(λ = 0) ≡ Adam(λ = 0)`, () => {
      assertReducesTo({
        hyper: adamHyper,
        subject: (h) => subject(Cls as Ctor, title, { ...h, weightDecay: 0 }),
        reference: (h) => subject(Adam as Ctor, 'Adam', { ...h, weightDecay: 0 }),
        tolerance: { rtol: 1e-5, atol: 1e-6 },
        numRuns: 30,
      });
    });
  }
});

describe('G4: with ε = 0 and λ = 0, gradients scaled by c > 0 leave Adam-family trajectories unchanged', () => {
  for (const [Cls, title] of [
    [Adam, 'Adam'],
    [AmsGrad, 'AmsGrad'],
    [AdamW, 'AdamW'],
    [AdamS, 'AdamS'],
  ] as const) {
    it(title, () => {
      assertReducesTo({
        hyper: fc.record({ h: adamHyper, c: fc.double({ min: 0.01, max: 100, noNaN: true }) }),
        subject: ({ h, c }) => transformGradients(subject(Cls as Ctor, title, { ...h, eps: 0, weightDecay: 0 }), (g) => g.map((x) => c * x), `${c}·g`),
        reference: ({ h }) => subject(Cls as Ctor, title, { ...h, eps: 0, weightDecay: 0 }),
        // ε = 0: gradients bounded away from 0 keep v > 0 (no 0/0).
        stream: { extremes: false, minMagnitude: 1e-3 },
        tolerance: { rtol: 1e-5, atol: 1e-6 },
        numRuns: 25,
      });
    });
  }
});

describe('A3: AdamS is invariant to how tensors are split into groups (same η, λ)', () => {
  it('one group ≡ a random partition into two groups', () => {
    const hyper = fc.record({ h: adamHyper, weightDecay: fc.constantFrom(0, 5e-4, 5e-2), assign: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }) });
    const grouped = ({ h, weightDecay, assign }: { h: AdamHyper; weightDecay: number; assign: boolean[] }): Subject => ({
      make: (ps) => {
        const a = ps.filter((_, i) => assign[i]);
        const b = ps.filter((_, i) => !assign[i]);
        const groups = [a, b].filter((g) => g.length > 0).map((params) => ({ params }));
        return new AdamS(groups, { ...h, weightDecay });
      },
      code: `new AdamS(/* params split by ${JSON.stringify(assign)} into two groups */, ${JSON.stringify({ ...h, weightDecay })})`,
    });
    assertReducesTo({
      hyper,
      subject: grouped,
      reference: ({ h, weightDecay }) => subject(AdamS as Ctor, 'AdamS', { ...h, weightDecay }),
      // AdamS's v̄ is a mean over every element with a gradient: one global pass, whatever the groups.
      // λ > 0 with v̄ = 0 (every gradient zero so far) is AdamS's documented error: non-zero gradients.
      stream: { extremes: false, minMagnitude: 1e-3 },
      tolerance: { rtol: 1e-6, atol: 1e-7 },
      numRuns: 30,
    });
  });
});

const sgdHyper = fc.record({
  lr: fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
  momentum: fc.double({ min: 0, max: 0.95, noNaN: true }),
  dampening: fc.constantFrom(0, 0.1, 0.5),
});

describe('S1, S2: SGDS', () => {
  it('S1: SGDS(λ = 0) ≡ SGD(λ = 0)', () => {
    assertReducesTo({
      hyper: sgdHyper,
      subject: (h) => subject(Sgds as Ctor, 'Sgds', { ...h, weightDecay: 0 }),
      reference: (h) => subject(Sgd as Ctor, 'Sgd', { ...h, weightDecay: 0 }),
      tolerance: { rtol: 1e-6, atol: 1e-7 },
      numRuns: 30,
    });
  });
  it('S2: with μ = 0, τ = 0, SGDS ≡ SGD with L2 (θ(1−ηλ) − ηg vs θ − η(g + λθ): ≤ 1 ulp a step)', () => {
    assertReducesTo({
      hyper: fc.record({ lr: fc.double({ min: 1e-3, max: 0.5, noNaN: true }), weightDecay: fc.constantFrom(1e-4, 5e-4, 1e-2) }),
      subject: (h) => subject(Sgds as Ctor, 'Sgds', { ...h, momentum: 0, dampening: 0 }),
      reference: (h) => subject(Sgd as Ctor, 'Sgd', { ...h, momentum: 0, dampening: 0 }),
      tolerance: { rtol: 1e-5, atol: 1e-5 },
      numRuns: 30,
    });
  });
});
