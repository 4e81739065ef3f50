/**
 * Laws on real models: random tiny zoo models (ResNet, WRN, VGG, NeuMF from `@gapkit/model-zoo`) with
 * real gradients from the engine (a random batch forward, cross-entropy or BCE, backward):
 * - ND-Adam keeps every unit of every conv and linear weight at norm 1 (N1, rtol 1e-6);
 * - LAWN (every base) keeps every constrained tensor at c_ℓ after its switch (L3, 1e-6·c_ℓ);
 * - AdamS multiplies every tensor by one decay scalar (A5), read off a λ / λ = 0 twin;
 * - no registry optimizer touches a parameter, or creates state for it, while it has no gradient.
 * Widths are 1–4 channels and batches 2 items, so each case is a few milliseconds of engine time.
 */
import { bceWithLogits, crossEntropy, type Module, type Parameter, Rng, type Tensor, tensor } from '@gapkit/autodiff';
import { MODELS } from '@gapkit/model-zoo';
import { propertyRuns } from '@gapkit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnyOptimizer, OPTIMIZERS, type OptimizerName } from '../../src/index.js';
import { norm64, ulp } from './registry-hyper.js';

/** A built model and how to compute a loss on a fresh random batch. */
interface Subject {
  readonly label: string;
  readonly model: Module;
  /** Forward a random batch, loss, backward (gradients land in every parameter's `.grad`). */
  readonly backward: (rng: Rng) => void;
}

const randomTensor = (shape: number[], rng: Rng): Tensor => tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal()), shape);

type ModelSpec =
  | { kind: 'resnet'; width: number; classes: number; seed: number }
  | { kind: 'wrn'; widen: number; classes: number; seed: number }
  | { kind: 'vgg'; width: number; classes: number; seed: number }
  | { kind: 'neumf'; users: number; items: number; factors: number; seed: number };

const modelArb: fc.Arbitrary<ModelSpec> = fc.oneof(
  fc.record({ kind: fc.constant('resnet' as const), width: fc.integer({ min: 1, max: 4 }), classes: fc.integer({ min: 2, max: 4 }), seed: fc.nat() }),
  // WRN-10-k: 16·k channels in the first group, so k = 1/16 … 4/16 gives 1–4 channels
  fc.record({ kind: fc.constant('wrn' as const), widen: fc.integer({ min: 1, max: 4 }).map((k) => k / 16), classes: fc.integer({ min: 2, max: 4 }), seed: fc.nat() }),
  fc.record({ kind: fc.constant('vgg' as const), width: fc.integer({ min: 1, max: 2 }), classes: fc.integer({ min: 2, max: 4 }), seed: fc.nat() }),
  fc.record({ kind: fc.constant('neumf' as const), users: fc.integer({ min: 2, max: 6 }), items: fc.integer({ min: 2, max: 6 }), factors: fc.integer({ min: 1, max: 3 }), seed: fc.nat() }),
);

function classifier(label: string, model: Module & { forward(x: Tensor): Tensor }, input: number[], classes: number): Subject {
  return {
    label,
    model,
    backward: (rng) => {
      for (const p of model.parameters()) p.grad = null;
      const labels = Int32Array.from({ length: input[0] }, () => rng.int(classes));
      crossEntropy(model.forward(randomTensor(input, rng)), labels, { reduction: 'mean' }).backward();
    },
  };
}

function build(s: ModelSpec): Subject {
  const rng = new Rng(s.seed);
  switch (s.kind) {
    case 'resnet':
      return classifier(`ResNet [1] width ${s.width}`, MODELS.resnet.build({ blocks: [1], widths: [s.width], inChannels: 1, numClasses: s.classes }, rng), [2, 1, 6, 6], s.classes);
    case 'wrn':
      return classifier(`WRN-10-${s.widen}`, MODELS.wrn.build({ depth: 10, widenFactor: s.widen, inChannels: 1, numClasses: s.classes }, rng), [2, 1, 6, 6], s.classes);
    case 'vgg':
      return classifier(`VGG-11 width ${s.width}`, MODELS.vgg11.build({ baseWidth: s.width, inChannels: 1, numClasses: s.classes }, rng), [2, 1, 32, 32], s.classes);
    case 'neumf': {
      const model = MODELS.neumf.build({ numUsers: s.users, numItems: s.items, factors: s.factors, embeddingDim: 2, tower: [2] }, rng);
      return {
        label: `NeuMF ${s.users}×${s.items}`,
        model,
        backward: (r) => {
          for (const p of model.parameters()) p.grad = null;
          const users = Int32Array.from({ length: 3 }, () => r.int(s.users));
          const items = Int32Array.from({ length: 3 }, () => r.int(s.items));
          const targets = Float32Array.from({ length: 3 }, () => (r.uniform() < 0.5 ? 1 : 0));
          bceWithLogits(model.forward(users, items), targets, { reduction: 'mean' }).backward();
        },
      };
    }
  }
}

const runs = (n: number) => ({ numRuns: propertyRuns(n) });
const STEPS = 3;

/** Worst |‖unit‖ − 1| over the units (rows along the first axis) of every conv and linear weight. */
function worstUnitNorm(params: readonly Parameter[]): { name: string; err: number } {
  let worst = { name: '', err: 0 };
  for (const p of params) {
    if (!p.meta.unitAxes) continue;
    const len = p.size / p.shape[0];
    for (let u = 0; u < p.shape[0]; u++) {
      const err = Math.abs(norm64(p.data, u * len, (u + 1) * len) - 1);
      if (err > worst.err) worst = { name: `${p.meta.name} unit ${u}`, err };
    }
  }
  return worst;
}

describe('laws on real models (tiny ResNet, WRN, VGG, NeuMF; gradients from the engine)', () => {
  it('ND-Adam keeps every unit at norm 1 after every step (both variants)', () => {
    fc.assert(
      fc.property(modelArb, fc.constantFrom('paper', 'code'), (spec, variant) => {
        const m = build(spec);
        const ps = m.model.parameters();
        const opt = OPTIMIZERS['nd-adam'].create(ps, { variant, normalizeAtInit: true, lrVector: 0.05 });
        const rng = new Rng(spec.seed + 1);
        for (let k = 0; k < STEPS; k++) {
          m.backward(rng);
          opt.step();
          const w = worstUnitNorm(ps);
          expect(w.err, `${m.label}, step ${k + 1}: ${w.name}`).toBeLessThanOrEqual(1e-6);
        }
      }),
      runs(6),
    );
  });

  it('LAWN keeps every constrained tensor at c_ℓ after its switch (adam, lamb, sgd bases; moments carried and restarted)', () => {
    fc.assert(
      fc.property(modelArb, fc.constantFrom<OptimizerName>('adam-lawn', 'lamb-lawn', 'sgd-lawn'), fc.boolean(), (spec, name, reset) => {
        const m = build(spec);
        const ps = m.model.parameters();
        const opt = OPTIMIZERS[name].create(ps, { lr: 0.05, freeSteps: 1, resetMomentsAtSwitch: reset } as never) as AnyOptimizer & { targetNorms(): ReadonlyMap<string, number> };
        const rng = new Rng(spec.seed + 2);
        for (let k = 0; k < STEPS; k++) {
          m.backward(rng);
          opt.step();
          const c = opt.targetNorms();
          if (k === 0) expect(c.size, 'no c_ℓ during the free phase').toBe(0);
          else expect(c.size, `${m.label}: constrained tensors`).toBeGreaterThan(0);
          for (const p of ps) {
            const cl = c.get(p.meta.name);
            if (cl !== undefined) expect(Math.abs(norm64(p.data) - cl), `${m.label} ${name} step ${k + 1}: ${p.meta.name}`).toBeLessThanOrEqual(1e-6 * cl);
          }
        }
      }),
      runs(6),
    );
  });

  it('AdamS applies one decay scalar 1 − ηλ/√v̄ to every tensor of the model', () => {
    fc.assert(
      fc.property(modelArb, fc.double({ min: 1e-3, max: 0.5, noNaN: true }), (spec, weightDecay) => {
        const a = build(spec);
        const b = build(spec); // the same seed: the same weights, the twin with λ = 0
        const lr = 0.01;
        const optA = OPTIMIZERS.adams.create(a.model.parameters(), { lr, weightDecay });
        const optB = OPTIMIZERS.adams.create(b.model.parameters(), { lr, weightDecay: 0 });
        const before = a.model.parameters().map((p) => p.data.slice());
        a.backward(new Rng(spec.seed + 3));
        b.backward(new Rng(spec.seed + 3));
        optA.step();
        optB.step();
        let keep: number | null = null;
        let keepBound = 0;
        a.model.parameters().forEach((p, t) => {
          const z = b.model.parameters()[t].data;
          for (let i = 0; i < p.size; i++) {
            const w0 = before[t][i];
            if (Math.abs(w0) < 1e-2) continue;
            // θ^λ = keep·θ₀ − u and θ⁰ = θ₀ − u: keep = 1 + (θ^λ − θ⁰)/θ₀, off by ≤ (½ulp + ½ulp)/|θ₀|
            const k = 1 + (p.data[i] - z[i]) / w0;
            const bound = (ulp(p.data[i]) + ulp(z[i])) / Math.abs(w0);
            if (keep === null) {
              keep = k;
              keepBound = bound;
            }
            expect(Math.abs(k - keep), `${a.label}: ${p.meta.name}[${i}]`).toBeLessThanOrEqual(bound + keepBound + 1e-12);
          }
        });
        expect(keep, 'some weight was checked').not.toBeNull();
        expect(keep!).toBeLessThan(1);
      }),
      runs(6),
    );
  });

  it('no registry optimizer touches a parameter (or creates its state) while it has no gradient', () => {
    const names = Object.keys(OPTIMIZERS) as OptimizerName[];
    fc.assert(
      fc.property(modelArb, fc.constantFrom(...names), fc.double({ min: 0.2, max: 0.8, noNaN: true }), (spec, name, frozen) => {
        const m = build(spec);
        const ps = m.model.parameters();
        const options = name === 'sgd-lawn' || name === 'adam-lawn' || name === 'lamb-lawn' ? { freeSteps: 1 } : {};
        const opt = OPTIMIZERS[name].create(ps, options as never);
        const pick = new Rng(spec.seed + 4);
        const without = new Set(ps.filter(() => pick.uniform() < frozen).map((p) => p.meta.name));
        const rng = new Rng(spec.seed + 5);
        const kept = new Map(ps.filter((p) => without.has(p.meta.name)).map((p) => [p.meta.name, p.data.slice()]));
        for (let k = 0; k < STEPS; k++) {
          m.backward(rng);
          for (const p of ps) if (without.has(p.meta.name)) p.grad = null;
          opt.step();
        }
        for (const p of ps) {
          if (!without.has(p.meta.name)) continue;
          expect(Array.from(p.data), `${name} on ${m.label}: ${p.meta.name} moved`).toEqual(Array.from(kept.get(p.meta.name)!));
          expect(opt.stateOf(p.meta.name), `${name} on ${m.label}: state for ${p.meta.name}`).toBeUndefined();
        }
      }),
      runs(15),
    );
  });
});
