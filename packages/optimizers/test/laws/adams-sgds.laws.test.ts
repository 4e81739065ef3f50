/**
 * AdamS and SGDS laws (docs/papers/adams-sgds.md; Xie et al., "On the Overlooked Pitfalls of Weight
 * Decay and How to Mitigate Them", NeurIPS 2023, arXiv:2011.11152): the constant-gradient closed form
 * (A2), the one-step equivalence to AdamW (A4), one decay scalar for every tensor (A5) and SGDS's decay
 * multiplier (S3), over random tensor sets, group partitions, gradient streams and registry-drawn
 * hyperparameters.
 *
 * The decay multiplier is read off two runs fed the same gradients, one with λ and one with λ = 0: the
 * moments do not see λ, so θ^λ_t + (θ⁰_{t−1} − θ⁰_t) = keep·θ^λ_{t−1}. Each stored value is off by ≤ ½ ulp,
 * which bounds the error of the recovered multiplier element by element (no tolerance is guessed).
 */
import { Parameter } from '@gapkit/autodiff';
import { assertEveryStep, groupPartitionArb, partitionBy, setGradients } from '@gapkit/testing';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { type AnyOptimizer, OPTIMIZERS, type OptimizerName } from '../../src/index.js';
import { registryHyper, registrySubject, ulp } from './registry-hyper.js';

const positiveEps = fc.double({ min: 1e-10, max: 1, noNaN: true });
const decay = fc.double({ min: 1e-4, max: 0.5, noNaN: true });
/** AdamS divides by √v̄: ordinary non-zero gradients keep v̄ > 0 (v̄ = 0 with λ ≠ 0 is its documented error). */
const nonZero = { extremes: false, minMagnitude: 1e-3 } as const;

/** The optimizer `name` with options `o` over a random partition of the tensors into groups. */
function grouped(name: OptimizerName, o: Record<string, unknown>, assign: readonly number[], ps: Parameter[]): AnyOptimizer {
  // `assign` covers the largest parameter set (3 tensors); its prefix is a partition of fewer.
  const groups = partitionBy(ps, assign.slice(0, ps.length)).map((params) => ({ params }));
  return OPTIMIZERS[name].create(groups as never, o as never);
}

/** Σ g² and the element count over the tensors that have a gradient (v̄ at step 1 is sum/count). */
function squares(grads: readonly (Float32Array | null)[]): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  for (const g of grads) {
    if (g === null) continue;
    for (const x of g) sum += x * x;
    count += g.length;
  }
  return { sum, count };
}

/** An optimizer with λ and its twin with λ = 0 on copies of the same tensors, stepped with the same gradients. */
interface Twin {
  readonly opt: AnyOptimizer;
  readonly twin: Parameter[];
  readonly twinBefore: Map<string, Float32Array>;
  step(): void;
}
function twinSubject(name: OptimizerName, o: Record<string, unknown>, assign: readonly number[]) {
  return {
    code: `/* ${name} with λ and with λ = 0, groups ${JSON.stringify(assign)} */ OPTIMIZERS['${name}'].create(params, ${JSON.stringify(o)})`,
    make: (ps: Parameter[]): Twin => {
      const twin = ps.map((p) => new Parameter(p.data.slice(), [...p.shape], { name: p.meta.name, role: p.meta.role }));
      const opt = grouped(name, o, assign, ps);
      const zero = grouped(name, { ...o, weightDecay: 0 }, assign, twin);
      const twinBefore = new Map<string, Float32Array>();
      return {
        opt,
        twin,
        twinBefore,
        step() {
          for (const t of twin) twinBefore.set(t.meta.name, t.data.slice());
          twin.forEach((t, i) => {
            t.grad = ps[i].grad;
          });
          opt.step();
          zero.step();
        },
      };
    },
  };
}

/** Every element's recovered multiplier (θ^λ_t + θ⁰_{t−1} − θ⁰_t)/θ^λ_{t−1} against `keep(tensor)`, within its rounding bound. */
function multiplierViolation(
  v: { opt: Twin; params: readonly Parameter[]; before: ReadonlyMap<string, Float32Array>; grads: readonly (Float32Array | null)[] },
  keep: (t: number) => number,
) {
  for (let t = 0; t < v.params.length; t++) {
    if (v.grads[t] === null) continue;
    const p = v.params[t];
    const w0 = v.before.get(p.meta.name)!;
    const z0 = v.opt.twinBefore.get(p.meta.name)!;
    const z1 = v.opt.twin[t].data;
    for (let i = 0; i < w0.length; i++) {
      if (Math.abs(w0[i]) < 1e-3) continue; // the bound below divides by |θ^λ_{t−1}|
      const got = (p.data[i] + (z0[i] - z1[i])) / w0[i];
      const bound = (0.5 * (ulp(p.data[i]) + ulp(z0[i]) + ulp(z1[i]))) / Math.abs(w0[i]) + 1e-12;
      const want = keep(t);
      if (!(Math.abs(got - want) <= bound + 1e-9 * Math.abs(want))) return { tensor: p.meta.name, index: i, detail: `decay multiplier ${got}, expected ${want} (±${bound})` };
    }
  }
  return null;
}

describe('A2: constant gradients ⇒ θ_t = θ_{t−1}·(1 − ηλ/√v̄) − η·g/(|g| + ε), v̄ = mean of g² over the whole model', () => {
  it('every tensor, every step', () => {
    assertEveryStep({
      hyper: registryHyper('adams', { eps: positiveEps, weightDecay: decay, vbarFloor: 0 }),
      subject: (h) => registrySubject('adams', h),
      stream: { ...nonZero, constant: true, absent: 0, maxSteps: 6 },
      check: (v) => {
        const lr = v.h.lr as number;
        const eps = v.h.eps as number;
        const { sum, count } = squares(v.grads);
        const keep = 1 - (lr * (v.h.weightDecay as number)) / Math.sqrt(sum / count);
        for (let t = 0; t < v.params.length; t++) {
          const p = v.params[t];
          const w0 = v.before.get(p.meta.name)!;
          for (let i = 0; i < w0.length; i++) {
            const g = v.grads[t]![i];
            const adam = (lr * g) / (Math.abs(g) + eps);
            const want = w0[i] * keep - adam;
            // v̂ = g² up to the float32 rounding of v (≈ 1e-7 relative per step, ≤ 6 steps)
            if (!(Math.abs(p.data[i] - want) <= 1e-5 * (Math.abs(w0[i] * keep) + Math.abs(adam)) + ulp(want))) {
              return { tensor: p.meta.name, index: i, detail: `θ = ${p.data[i]}, closed form ${want}` };
            }
          }
        }
        return null;
      },
      numRuns: 25,
    });
  });
});

describe('A4: one AdamS(λ) step from fresh state ≡ one AdamW step with λ_W = λ/√mean(g²) (mean over tensors with a gradient)', () => {
  it('random tensors, gradients (absent ones excluded) and groups', () => {
    assertEveryStep({
      hyper: fc.record({ o: registryHyper('adams', { eps: positiveEps, weightDecay: decay, vbarFloor: 0, amsgrad: false }), assign: groupPartitionArb(3) }),
      subject: ({ o, assign }) => ({ code: `AdamS over groups ${JSON.stringify(assign)}, ${JSON.stringify(o)}`, make: (ps: Parameter[]) => grouped('adams', o, assign, ps) }),
      stream: { ...nonZero, minSteps: 1, maxSteps: 1 },
      check: (v) => {
        if (v.grads.every((g) => g === null)) return null;
        const { sum, count } = squares(v.grads);
        const { o } = v.h;
        const ref = v.specs.map((s) => new Parameter(s.values.slice(), [...s.shape], { name: s.name, role: s.role }));
        setGradients(ref, v.grads);
        OPTIMIZERS.adamw.create(ref, { lr: o.lr, beta1: o.beta1, beta2: o.beta2, eps: o.eps, weightDecay: (o.weightDecay as number) / Math.sqrt(sum / count) } as never).step();
        for (let t = 0; t < ref.length; t++) {
          const a = v.params[t].data;
          const b = ref[t].data;
          const w0 = v.specs[t].values;
          // AdamS: √(v/(1−β₂)), one float32 rounding of θ·keep − u; AdamW: √v/√(1−β₂), and θ(1 − ηλ_W)
          // is stored (rounded to float32) before u is subtracted: an ulp of θ₀ besides the ulps of θ₁.
          for (let i = 0; i < a.length; i++) if (!(Math.abs(a[i] - b[i]) <= 1e-6 * Math.abs(b[i]) + 2 * ulp(w0[i]) + 4 * ulp(b[i]) + 1e-12)) return { tensor: ref[t].meta.name, index: i, detail: `AdamS ${a[i]}, AdamW ${b[i]}` };
        }
        return null;
      },
      numRuns: 30,
    });
  });
});

describe('A5: the decay multiplier is one scalar for every tensor sharing (η, λ), whatever the groups', () => {
  it('first step: 1 − ηλ/√v̄ on every element of every tensor with a gradient', () => {
    assertEveryStep({
      hyper: fc.record({ o: registryHyper('adams', { eps: positiveEps, weightDecay: decay, vbarFloor: 0 }), assign: groupPartitionArb(3) }),
      subject: ({ o, assign }) => twinSubject('adams', o, assign),
      stream: { ...nonZero, minSteps: 1, maxSteps: 1 },
      check: (v) => {
        const { sum, count } = squares(v.grads);
        if (count === 0) return null;
        const keep = 1 - ((v.h.o.lr as number) * (v.h.o.weightDecay as number)) / Math.sqrt(sum / count);
        return multiplierViolation(v, () => keep);
      },
      numRuns: 30,
    });
  });
});

describe('S3: SGDS multiplies θ by 1 − ηλ(1 − τ)/(1 − μ) every step', () => {
  it('every element, every step, random groups with the same (η, λ, μ, τ)', () => {
    assertEveryStep({
      // μ ≤ 0.99: as μ → 1 the multiplier 1 − ηλ(1−τ)/(1−μ) → −∞ and θ overflows float32 within a few steps
      hyper: fc.record({ o: registryHyper('sgds', { weightDecay: decay, momentum: fc.double({ min: 0, max: 0.99, noNaN: true }) }), assign: groupPartitionArb(3) }),
      subject: ({ o, assign }) => twinSubject('sgds', o, assign),
      stream: { maxSteps: 6 },
      check: (v) => {
        const { lr, weightDecay, dampening, momentum } = v.h.o as Record<string, number>;
        return multiplierViolation(v, () => 1 - (lr * weightDecay * (1 - dampening)) / (1 - momentum));
      },
      numRuns: 30,
    });
  });
});
