/**
 * Padam's laws (docs/papers/padam.md "Reduces to"; Chen et al., IJCAI 2020, arXiv:1806.06763) as
 * properties over random tensor sets, gradient streams (zeros, 1e-30, 1e4, absent gradients) and
 * hyperparameters, with the optimizer kit of @gapkit/testing.
 *
 * Tolerances (float32 storage, float64 accumulation): two float32 implementations of the same
 * recurrence in a different order agree to rtol 1e-5 over ≤ 100 steps; atol is set from the largest
 * weight the stream can reach, since w − η·b cancels to values far below the operands.
 */
import {
  assertReducesTo,
  assertScalesLike,
  buildParams,
  gradientStreamArb,
  paramSetArb,
  propertyRuns,
  type Subject,
  setGradients,
  trajectory,
  trajectoryDistance,
} from '@gapkit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AmsGrad, Padam, type PadamBiasCorrection, Sgd } from '../../src/index.js';

const hyperArb = fc.record({
  lr: fc.double({ min: 1e-4, max: 0.2, noNaN: true }),
  beta1: fc.double({ min: 0, max: 0.95, noNaN: true }),
  beta2: fc.double({ min: 0.5, max: 0.999, noNaN: true }),
  eps: fc.constantFrom<number>(0, 1e-8, 1e-3),
  weightDecay: fc.constantFrom<number>(0, 1e-4, 5e-4, 1e-2),
});
type Hyper = typeof hyperArb extends fc.Arbitrary<infer H> ? H : never;

const padam = (h: Hyper, p: number, biasCorrection: PadamBiasCorrection, amsgrad = true): Subject => {
  const o = { lr: h.lr, beta1: h.beta1, beta2: h.beta2, eps: h.eps, weightDecay: h.weightDecay, p, biasCorrection, amsgrad };
  return { make: (ps) => new Padam(ps, o), code: `new Padam(params, ${JSON.stringify(o)})` };
};

/** SGD whose lr at step t is lr(t): the group's lr is set before each step (one clock: every tensor steps). */
function sgdWithLr(h: Hyper, lrAt: (t: number) => number): Subject {
  const o = { momentum: h.beta1, dampening: 0, weightDecay: h.weightDecay };
  return {
    make: (ps) => {
      const sgd = new Sgd(ps, { lr: lrAt(1), ...o });
      let t = 0;
      return {
        step: () => {
          t++;
          for (const g of sgd.groups) g.options.lr = lrAt(t);
          return sgd.step();
        },
      };
    },
    code: `new Sgd(params, ${JSON.stringify(o)}) /* lr set before step t to lr(t) */`,
  };
}

describe('P2: Padam(p = 0) ≡ SGD-momentum', () => {
  it("bias correction 'none' (Alg. 1): ≡ SGD(lr α(1−β₁), momentum β₁, dampening 0, same L2), for any ε, amsgrad on or off", () => {
    assertReducesTo({
      hyper: fc.record({ h: hyperArb, amsgrad: fc.boolean() }),
      subject: ({ h, amsgrad }) => padam(h, 0, 'none', amsgrad),
      reference: ({ h }) => sgdWithLr(h, () => h.lr * (1 - h.beta1)),
      tolerance: { rtol: 1e-5, atol: 1e-4 },
      numRuns: 40,
    });
  });

  const factors: Record<Exclude<PadamBiasCorrection, 'none'>, (h: Hyper, t: number) => number> = {
    code: (h, t) => Math.sqrt(1 - h.beta2 ** t) / (1 - h.beta1 ** t),
    consistent: (h, t) => 1 / (1 - h.beta1 ** t),
  };
  for (const [form, factor] of Object.entries(factors)) {
    it(`bias correction '${form}': ≡ SGD with the time-varying lr α(1−β₁)·factor(t)`, () => {
      assertReducesTo({
        hyper: hyperArb,
        subject: (h) => padam(h, 0, form as PadamBiasCorrection),
        reference: (h) => sgdWithLr(h, (t) => h.lr * (1 - h.beta1) * factor(h, t)),
        // The per-tensor clock and the group clock agree only when every tensor steps every time.
        stream: { absent: 0 },
        tolerance: { rtol: 1e-5, atol: 1e-4 },
        numRuns: 30,
      });
    });
  }

  it('the limit: the distance between Padam(p) and Padam(0) trajectories shrinks linearly as p → 0', () => {
    // (√v̂ + ε)^{2p} = 1 + 2p·ln(√v̂ + ε) + O(p²): the update, and so the trajectory, moves by O(p).
    // Gradients of moderate size keep p·|ln(√v̂ + ε)| ≪ 1 at the knobs used (p ≤ 1e-3).
    const caseArb = paramSetArb({ maxTensors: 2 }).chain((specs) =>
      fc.tuple(fc.constant(specs), gradientStreamArb(specs.map((s) => s.values.length), { minSteps: 3, maxSteps: 6, absent: 0, extremes: false, scale: 2 })),
    );
    const h: Hyper = { lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 };
    const ratios: number[] = [];
    fc.assert(
      fc.property(caseArb, ([specs, stream]) => {
        const base = trajectory(padam(h, 0, 'none').make, specs, stream);
        const d = (p: number) => trajectoryDistance(trajectory(padam(h, p, 'none').make, specs, stream), base);
        // floor: below ~1e-6 the float32 rounding of weights near 1 dominates the O(p) term.
        ratios.push(...assertScalesLike({ knobs: [1e-3, 5e-4, 2.5e-4], order: 1, distance: d, slack: 1.3, floor: 1e-6, what: '‖Padam(p) − Padam(0)‖∞' }));
      }),
      { numRuns: propertyRuns(15) },
    );
    expect(ratios.length).toBeGreaterThan(0);
  });
});

describe('P1: Padam(p = ½) ≡ AMSGrad', () => {
  it("with ε = 0 and the code's bias correction, p = ½ performs AMSGrad's arithmetic", () => {
    assertReducesTo({
      hyper: hyperArb.map((h) => ({ ...h, eps: 0 })),
      subject: (h) => padam(h, 0.5, 'code'),
      reference: (h) => {
        const o = { lr: h.lr, beta1: h.beta1, beta2: h.beta2, eps: 0, weightDecay: h.weightDecay };
        return { make: (ps) => new AmsGrad(ps, o), code: `new AmsGrad(params, ${JSON.stringify(o)})` };
      },
      // ε = 0 with a zero second moment is 0/0: draw gradients bounded away from 0.
      stream: { extremes: false, minMagnitude: 1e-3 },
      tolerance: { rtol: 1e-5, atol: 1e-5 },
      numRuns: 30,
    });
  });
});

describe('P3, P4: scaling and sign', () => {
  it('P3: with ε = 0, λ = 0, gradients scaled by c scale every update by c^{1−2p}', () => {
    const caseArb = paramSetArb({ maxTensors: 2 }).chain((specs) =>
      fc.tuple(
        fc.constant(specs),
        // ε = 0: gradients bounded away from 0 keep v̂ > 0 (no 0/0).
        gradientStreamArb(specs.map((s) => s.values.length), { absent: 0, extremes: false, minMagnitude: 1e-3, minSteps: 2, maxSteps: 5 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
      ),
    );
    fc.assert(
      fc.property(caseArb, ([specs, stream, p, c]) => {
        const h: Hyper = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 0, weightDecay: 0 };
        const scaled = stream.map((step) => step.map((g) => (g === null ? null : g.map((x) => x * c))));
        const a = trajectory(padam(h, p, 'code').make, specs, stream);
        const b = trajectory(padam(h, p, 'code').make, specs, scaled);
        const k = c ** (1 - 2 * p);
        specs.forEach((s) => {
          let prevA = s.values;
          let prevB = s.values;
          a.after.forEach((snap, step) => {
            const xa = snap.get(s.name)!;
            const xb = b.after[step].get(s.name)!;
            for (let i = 0; i < xa.length; i++) {
              const da = xa[i] - prevA[i];
              const db = xb[i] - prevB[i];
              // float32 weights: each delta carries ~1 ulp of the weight (≤ 1.2e-7·|w|).
              const ulps = 4e-7 * (Math.abs(xa[i]) + Math.abs(xb[i]) + 1);
              expect(Math.abs(db - k * da)).toBeLessThanOrEqual(1e-4 * Math.abs(k * da) + ulps * (1 + k));
            }
            prevA = xa;
            prevB = xb;
          });
        });
      }),
      { numRuns: propertyRuns(30) },
    );
  });

  it('P4: v̂ (running max) is element-wise non-decreasing and every update has the sign of −m', () => {
    const caseArb = paramSetArb({ maxTensors: 2 }).chain((specs) =>
      fc.tuple(fc.constant(specs), gradientStreamArb(specs.map((s) => s.values.length), { maxSteps: 8 }),
        // ε > 0: with ε = 0 a zero gradient is 0/0 (an error, not a step).
        hyperArb.map((h) => ({ ...h, eps: Math.max(h.eps, 1e-8) })),
        fc.double({ min: 0, max: 0.5, noNaN: true })),
    );
    fc.assert(
      fc.property(caseArb, ([specs, stream, h, p]) => {
        const params = buildParams(specs);
        const opt = new Padam(params, { ...h, p, amsgrad: true });
        const prevHat = new Map<string, Float32Array>();
        for (const grads of stream) {
          const before = params.map((w) => w.data.slice());
          setGradients(params, grads);
          opt.step();
          params.forEach((w, j) => {
            const s = opt.stateOf(w.meta.name);
            if (!s || grads[j] === null) return;
            const vHat = s.vHat as Float32Array;
            const m = s.m as Float32Array;
            const prev = prevHat.get(w.meta.name);
            for (let i = 0; i < w.size; i++) {
              if (prev) expect(vHat[i]).toBeGreaterThanOrEqual(prev[i]);
              const dw = w.data[i] - before[j][i];
              if (dw !== 0) expect(Math.sign(dw)).toBe(-Math.sign(m[i]));
            }
            prevHat.set(w.meta.name, vHat.slice());
          });
        }
      }),
      { numRuns: propertyRuns(30) },
    );
  });
});
