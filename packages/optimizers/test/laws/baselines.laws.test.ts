/**
 * Laws of the baselines (docs/papers/baselines.md): Adam's constant-gradient and first-step closed forms
 * (G2, G3), AMSGrad's running max (G5), zero gradients (G6, every registry entry), SGD's first-step
 * dampening quirk and constant-gradient buffer (G7, G8), RAdam's warm-up (G9) and LAMB's step length
 * (G10) — over random tensor sets, gradient streams and hyperparameters from the registry's ranges.
 *
 * Tolerances (float32 storage, float64 accumulation): a step predicted in float64 from the stored
 * values differs from the stored result by the rounding of the stored parameter (one ulp of |θ|) plus
 * the float32 rounding of the stored moments, a few 1e-7 relative per step; rtol 1e-5 on the step covers
 * ≤ 8 steps of that.
 */
import { assertEveryStep, assertReducesTo } from '@gapkit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, type OptimizerName } from '../../src/index.js';
import { norm64, registryHyper, registrySubject, ulp } from './registry-hyper.js';

type View = { before: ReadonlyMap<string, Float32Array>; params: readonly { meta: { name: string }; data: Float32Array }[] };

/** Every element's step θ_k − θ_{k−1} against `predicted(name, i)`, within rtol 1e-5 of the step plus an ulp of θ. */
function stepMatches(v: View, present: (i: number) => boolean, predicted: (tensor: number, i: number) => number) {
  for (let t = 0; t < v.params.length; t++) {
    if (!present(t)) continue;
    const p = v.params[t];
    const w0 = v.before.get(p.meta.name)!;
    for (let i = 0; i < p.data.length; i++) {
      const want = predicted(t, i);
      const got = p.data[i] - w0[i];
      if (!(Math.abs(got - want) <= 1e-5 * Math.abs(want) + ulp(p.data[i]) + ulp(w0[i]))) {
        return { tensor: p.meta.name, index: i, detail: `step ${got}, predicted ${want}` };
      }
    }
  }
  return null;
}

const adamLike: OptimizerName[] = ['adam', 'adamw', 'amsgrad'];
/** ε > 0: the closed forms divide by |g| + ε, and a gradient of 1e-30 squares to 0 in float32. */
const positiveEps = fc.double({ min: 1e-10, max: 1, noNaN: true });

describe('G2: constant gradient ⇒ every Adam step is −η·g/(|g| + ε) (PyTorch ε placement: √v/√(1−β₂ᵗ) + ε)', () => {
  for (const name of adamLike) {
    it(name, () => {
      assertEveryStep({
        hyper: registryHyper(name, { weightDecay: 0, eps: positiveEps }),
        subject: (h) => registrySubject(name, h),
        // constant ordinary gradients: m̂ = g and v̂ = g² up to the float32 rounding of m and v.
        stream: { constant: true, extremes: false, minMagnitude: 1e-3, absent: 0, maxSteps: 8 },
        check: (v) => {
          const lr = v.h.lr as number;
          const eps = v.h.eps as number;
          return stepMatches(v, () => true, (t, i) => {
            const g = v.grads[t]![i];
            return (-lr * g) / (Math.abs(g) + eps);
          });
        },
        numRuns: 30,
      });
    });
  }
});

describe('G3: the first Adam step is −η·g/(|g| + ε) for any gradient (zeros, 1e-30, 1e4)', () => {
  for (const name of adamLike) {
    it(name, () => {
      assertEveryStep({
        hyper: registryHyper(name, { weightDecay: 0, eps: positiveEps }),
        subject: (h) => registrySubject(name, h),
        stream: { minSteps: 1, maxSteps: 1 },
        check: (v) => {
          const lr = v.h.lr as number;
          const eps = v.h.eps as number;
          return stepMatches(
            v,
            (t) => v.grads[t] !== null,
            (t, i) => {
              // v = (1−β₂)g² is stored in float32: a g of 1e-30 squares to 0 there, so √v̂ is 0 and
              // the step is −η·g/ε — the same number as −η·g/(|g| + ε) to float64 precision.
              const g = v.grads[t]![i];
              return (-lr * g) / (Math.abs(g) + eps);
            },
          );
        },
        numRuns: 40,
      });
    });
  }
});

describe('G5: AMSGrad', () => {
  it('v_max ≥ v element-wise after every step, whatever the gradients (zeros, 1e-30, 1e4, absent)', () => {
    assertEveryStep({
      hyper: registryHyper('amsgrad', { amsgrad: true, eps: positiveEps }),
      subject: (h) => registrySubject('amsgrad', h),
      stream: { maxSteps: 8 },
      check: (v) => {
        for (const p of v.params) {
          const s = v.opt.stateOf(p.meta.name) as { vMax?: Float32Array | null; v?: Float32Array } | undefined;
          if (!s?.v) continue;
          if (!s.vMax) return { tensor: p.meta.name, index: -1, detail: 'AMSGrad keeps no running max' };
          for (let i = 0; i < s.vMax.length; i++) if (!(s.vMax[i] >= s.v[i])) return { tensor: p.meta.name, index: i, detail: `v_max ${s.vMax[i]} < v ${s.v[i]}` };
        }
        return null;
      },
      numRuns: 30,
    });
  });

  it('v_max never decreases from one step to the next', () => {
    const seen = new WeakMap<object, Map<string, Float32Array>>();
    assertEveryStep({
      hyper: registryHyper('amsgrad', { amsgrad: true, eps: positiveEps }),
      subject: (h) => registrySubject('amsgrad', h),
      stream: { maxSteps: 8 },
      check: (v) => {
        const last = seen.get(v.opt) ?? new Map<string, Float32Array>();
        seen.set(v.opt, last);
        for (const p of v.params) {
          const s = v.opt.stateOf(p.meta.name) as { vMax?: Float32Array | null } | undefined;
          if (!s?.vMax) continue;
          const before = last.get(p.meta.name);
          if (before) for (let i = 0; i < before.length; i++) if (!(s.vMax[i] >= before[i])) return { tensor: p.meta.name, index: i, detail: `v_max went ${before[i]} → ${s.vMax[i]}` };
          last.set(p.meta.name, s.vMax.slice());
        }
        return null;
      },
      numRuns: 30,
    });
  });

  it('with constant gradients (|g_t| non-decreasing) AMSGrad ≡ Adam', () => {
    assertReducesTo({
      // λ = 0: L2 adds λθ to g, and θ moves, so the effective gradient would not be constant.
      hyper: registryHyper('adam', { amsgrad: false, eps: positiveEps, weightDecay: 0 }),
      subject: (h) => registrySubject('adam', { ...h, amsgrad: true }),
      reference: (h) => registrySubject('adam', h),
      // constant g: v_t = (1−β₂ᵗ)g² grows, so max(v_max, v) = v — the same float32 numbers; no tolerance.
      stream: { constant: true, absent: 0 },
      tolerance: { rtol: 0, atol: 0 },
      numRuns: 30,
    });
  });
});

/**
 * Parameters bit-identical before and after the step — or, with `renormalizes` (ND-Adam's unit tensors),
 * within 2 ulps: ND-Adam divides every unit by its norm each step, and a float32 unit vector has norm
 * 1 only to ≈ 1e-7, so a zero-gradient step may still round an element by an ulp (found at 100 runs).
 */
function unchanged(v: View, renormalizes: (p: View['params'][number]) => boolean = () => false) {
  for (const p of v.params) {
    const w0 = v.before.get(p.meta.name)!;
    const slack = renormalizes(p) ? 2 : 0;
    for (let i = 0; i < w0.length; i++) {
      if (!(Object.is(p.data[i], w0[i]) || Math.abs(p.data[i] - w0[i]) <= slack * ulp(w0[i]))) return { tensor: p.meta.name, index: i, detail: `moved ${w0[i]} → ${p.data[i]}` };
    }
  }
  return null;
}

/** Every entry's options with λ = 0 and ε > 0, LAWN's switch within the stream, Yogi's accumulator at 0. */
function zeroDecayHyper(name: OptimizerName) {
  const table = OPTIMIZERS[name].hyperparameters;
  const has = (k: string) => table.some((h) => h.key === k);
  const overrides: Record<string, unknown> = {};
  if (has('weightDecay')) overrides.weightDecay = 0;
  if (has('eps')) overrides.eps = positiveEps;
  if (has('freeSteps')) overrides.freeSteps = fc.integer({ min: 0, max: 3 });
  if (has('initialAccumulator')) overrides.initialAccumulator = 0;
  // ND-Adam renormalizes every unit at every step; G6 starts from unit norms (its paper's setting).
  if (has('normalizeAtInit')) overrides.normalizeAtInit = true;
  return registryHyper(name, overrides, ['freeEpochs', 'stepsPerEpoch']);
}

const zeros = { scale: 0, extremes: false, maxSteps: 6 } as const;

describe('G6: all-zero gradients from step 1 with λ = 0 leave every parameter unchanged, every registry entry', () => {
  for (const name of Object.keys(OPTIMIZERS) as OptimizerName[]) {
    it(name, () => {
      const units = (p: View['params'][number]) => name === 'nd-adam' && (p as { meta: { unitAxes?: unknown } }).meta.unitAxes !== undefined;
      assertEveryStep({ hyper: zeroDecayHyper(name), subject: (h) => registrySubject(name, h), stream: zeros, check: (v) => unchanged(v, units), numRuns: 15 });
    });
  }

  it('not Yogi with its default accumulator: m starts at 1e-6, so zero gradients still move θ (the documented exception)', () => {
    assertEveryStep({
      // β₁ > 0 keeps m = β₁·1e-6 ≠ 0; β₂ = 0.999 and ε = 1e-3 keep the step (≈ 3e-7·η/0.01) above θ's ulp.
      hyper: registryHyper('yogi', {
        weightDecay: 0,
        lr: fc.double({ min: 1e-2, max: 1, noNaN: true }),
        beta1: fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        beta2: 0.999,
        eps: 1e-3,
        initialAccumulator: 1e-6,
      }),
      subject: (h) => registrySubject('yogi', h),
      stream: { ...zeros, minSteps: 1, maxSteps: 1, absent: 0 },
      check: (v) => (unchanged(v) === null ? { tensor: v.params[0].meta.name, index: 0, detail: 'Yogi did not move' } : null),
      numRuns: 10,
    });
  });

  it('not AdamS with λ ≠ 0: v̄ = 0 is refused with an error naming v̄ and λ, and nothing changes', () => {
    assertEveryStep({
      hyper: registryHyper('adams', { weightDecay: fc.double({ min: 1e-6, max: 1, noNaN: true }), eps: positiveEps, vbarFloor: 0 }),
      subject: (h) => {
        const inner = registrySubject('adams', h);
        return {
          code: inner.code,
          make: (ps) => {
            const opt = inner.make(ps);
            return { opt, step: () => expect(() => opt.step()).toThrow(/v̄ .*weightDecay \(λ\)/) };
          },
        };
      },
      stream: { ...zeros, absent: 0 },
      check: unchanged,
      numRuns: 10,
    });
  });
});

describe('G7, G8: SGD', () => {
  it('G7: with dampening τ > 0 the first update is −η·g₁ (the buffer starts at g₁, undamped)', () => {
    assertEveryStep({
      hyper: registryHyper('sgd', {
        weightDecay: 0,
        maximize: false,
        nesterov: false,
        momentum: fc.double({ min: 0.01, max: 1, noNaN: true }),
        dampening: fc.double({ min: 0.01, max: 1, noNaN: true }),
      }),
      subject: (h) => registrySubject('sgd', h),
      stream: { minSteps: 1, maxSteps: 1 },
      check: (v) => stepMatches(v, (t) => v.grads[t] !== null, (t, i) => -(v.h.lr as number) * v.grads[t]![i]),
      numRuns: 30,
    });
  });

  it('G8: with τ = 0 and a constant gradient the buffer is b_t = g·(1 − μᵗ)/(1 − μ)', () => {
    assertEveryStep({
      hyper: registryHyper('sgd', { dampening: 0, weightDecay: 0, momentum: fc.double({ min: 0.01, max: 0.99, noNaN: true }) }),
      subject: (h) => registrySubject('sgd', h),
      // maximize feeds −g to the buffer: the closed form is then in −g.
      // b is stored in float32 each step: ≤ t roundings of ≤ 1/(1−μ)·|g|; rtol 1e-5 covers 8 steps at μ ≤ 0.99.
      stream: { constant: true, absent: 0, maxSteps: 8 },
      check: (v) => {
        const mu = v.h.momentum as number;
        for (let t = 0; t < v.params.length; t++) {
          const p = v.params[t];
          const s = v.opt.stateOf(p.meta.name) as { b?: Float32Array; t?: number } | undefined;
          if (!s?.b) return { tensor: p.meta.name, index: -1, detail: 'no momentum buffer' };
          const k = v.step;
          for (let i = 0; i < s.b.length; i++) {
            const want = ((v.h.maximize ? -1 : 1) * v.grads[t]![i] * (1 - mu ** k)) / (1 - mu);
            if (!(Math.abs(s.b[i] - want) <= 1e-5 * Math.abs(want) + 1e-30)) return { tensor: p.meta.name, index: i, detail: `b ${s.b[i]}, closed form ${want}` };
          }
        }
        return null;
      },
      numRuns: 30,
    });
  });
});

describe('G9: RAdam with β₂ = 0.999 and degeneratedToSgd off', () => {
  it('leaves θ unchanged at steps 1–5 (ρ_t < 5) and moves it at step 6 (ρ₆ ≥ 5)', () => {
    assertEveryStep({
      hyper: registryHyper('radam', { beta2: 0.999, degeneratedToSgd: false, lr: fc.double({ min: 1e-3, max: 1, noNaN: true }), eps: positiveEps }),
      subject: (h) => registrySubject('radam', h),
      // ordinary non-zero gradients at every step: m ≠ 0 at step 6, so the rectified step is visible.
      stream: { minSteps: 6, maxSteps: 6, absent: 0, extremes: false, minMagnitude: 0.1 },
      check: (v) => {
        if (v.step <= 5) return unchanged(v);
        return unchanged(v) === null ? { tensor: v.params[0].meta.name, index: 0, detail: 'θ did not move at step 6 (ρ₆ ≈ 5.0 ≥ 5)' } : null;
      },
      numRuns: 20,
    });
  });
});

/** LAMB's ‖Δθ_ℓ‖ = η·φ(‖θ_ℓ‖) on every tensor with a gradient. */
function lambStepLength(v: View & { h: Record<string, unknown>; grads: readonly (Float32Array | null)[] }) {
  const lr = v.h.lr as number;
  for (let t = 0; t < v.params.length; t++) {
    if (v.grads[t] === null) continue;
    const p = v.params[t];
    const w0 = v.before.get(p.meta.name)!;
    const n0 = norm64(w0);
    if (n0 === 0) continue; // G10 holds for ‖θ‖ > 0 (at ‖θ‖ = 0 the trust ratio is 1: a step of η·‖u‖)
    const phi = v.h.phi === 'min10' ? Math.min(n0, 10) : n0;
    let d2 = 0;
    for (let i = 0; i < w0.length; i++) d2 += (p.data[i] - w0[i]) ** 2;
    const want = lr * phi;
    // The step is measured between two float32 vectors: each element is off by ≤ ½ ulp of θ,
    // so ‖Δθ‖ is off by ≤ 2⁻²⁴·(‖θ_before‖ + ‖θ_after‖); rtol 1e-6 for the float64 arithmetic.
    const tol = 1e-6 * want + 2 ** -24 * (n0 + norm64(p.data)) * 2;
    if (!(Math.abs(Math.sqrt(d2) - want) <= tol)) return { tensor: p.meta.name, index: -1, detail: `‖Δθ‖ = ${Math.sqrt(d2)}, η·φ(‖θ‖) = ${want} (‖θ‖ = ${n0})` };
  }
  return null;
}

describe('G10: LAMB', () => {
  it('‖Δθ_ℓ‖ = η·φ(‖θ_ℓ‖) whenever ‖θ_ℓ‖ > 0 and ‖u_ℓ‖ > 0, whatever the gradient scale', () => {
    assertEveryStep({
      hyper: registryHyper('lamb', { eps: positiveEps }),
      subject: (h) => registrySubject('lamb', h),
      // ordinary non-zero gradients keep ‖u‖ > 0 (u = m̂/(√v̂ + ε) + λθ); a 1e4 scale checks the independence.
      stream: { extremes: false, minMagnitude: 1e-3, scale: 1e4, maxSteps: 6 },
      check: lambStepLength,
      numRuns: 30,
    });
  });

  it("φ = 'min10' caps the step at 10·η once ‖θ_ℓ‖ > 10", () => {
    assertEveryStep({
      hyper: registryHyper('lamb', { eps: positiveEps, phi: 'min10' }),
      subject: (h) => registrySubject('lamb', h),
      // entries up to 20 in tensors of ≥ 4 elements: most norms are above 10, where φ bites
      params: { scale: 20, minDim: 2 },
      stream: { extremes: false, minMagnitude: 1e-3, maxSteps: 4 },
      check: lambStepLength,
      numRuns: 20,
    });
  });
});
