import { PARAM_ROLES, Rng } from '@gapkit/autodiff';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { getModel, MODEL_NAMES, MODELS, type ModelName, parameterInfo } from '../src/index.js';

type OptionsOf<K extends ModelName> = (typeof MODELS)[K] extends { defaults: infer O } ? Partial<O> : never;

const classes = fc.integer({ min: 1, max: 12 });
const widths = (max: number) => fc.array(fc.integer({ min: 1, max }), { minLength: 0, maxLength: 3 });
const vggSmall = fc.record({ baseWidth: fc.integer({ min: 1, max: 2 }), batchNorm: fc.boolean(), hidden: widths(6), numClasses: classes, inputSize: fc.constantFrom(32, 64) });
const wrnSmall = fc.record({
  depth: fc.constantFrom(10, 16),
  widenFactor: fc.constantFrom(0.25, 0.5, 1),
  numClasses: classes,
  inChannels: fc.integer({ min: 1, max: 3 }),
  classifier: fc.constantFrom('linear' as const, 'conv1x1' as const),
  fixedBnScale: fc.constantFrom(0, 1, 2.5),
});
const tables = { numUsers: fc.integer({ min: 1, max: 30 }), numItems: fc.integer({ min: 1, max: 30 }) };

/** Small random configurations of every registered model (including off-default knobs). */
const SMALL: { [K in ModelName]: fc.Arbitrary<OptionsOf<K>> } = {
  resnet18: fc.record({ baseWidth: fc.integer({ min: 1, max: 3 }), numClasses: classes, inChannels: fc.integer({ min: 1, max: 3 }) }),
  resnet34: fc.record({ baseWidth: fc.integer({ min: 1, max: 2 }), numClasses: classes }),
  resnet: fc.integer({ min: 1, max: 3 }).chain((stages) =>
    fc.record({
      blocks: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: stages, maxLength: stages }),
      widths: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: stages, maxLength: stages }),
      stemWidth: fc.integer({ min: 0, max: 5 }),
      numClasses: classes,
      inChannels: fc.integer({ min: 1, max: 3 }),
      convInit: fc.constantFrom('default' as const, 'he-fan-out' as const),
    }),
  ),
  wrn: wrnSmall,
  'wrn-ndadam': wrnSmall,
  'wrn-ndadam-tf': fc.record({
    depth: fc.constantFrom(10, 16),
    widenFactor: fc.constantFrom(1, 1.125, 1.5),
    numClasses: fc.integer({ min: 2, max: 12 }),
    leakiness: fc.constantFrom(0, 0.1),
    bnSoftmaxGamma: fc.constantFrom(0, 2.5),
  }),
  'wrn-padam': fc.record({ depth: fc.constantFrom(10, 16), multiplier: fc.integer({ min: 1, max: 2 }), numClasses: classes }),
  vgg11: vggSmall,
  vgg13: vggSmall,
  vgg16: vggSmall,
  vgg19: vggSmall,
  'vgg16-2fc': vggSmall,
  'ncf-gmf': fc.record({ ...tables, factors: fc.integer({ min: 1, max: 8 }) }),
  'ncf-mlp': fc.record({ ...tables, embeddingDim: fc.integer({ min: 1, max: 8 }), tower: widths(8) }),
  neumf: fc.record({ ...tables, factors: fc.integer({ min: 1, max: 8 }), embeddingDim: fc.integer({ min: 1, max: 8 }), tower: widths(8) }),
  mlp: fc.record({ inFeatures: fc.integer({ min: 1, max: 20 }), hidden: widths(10), numClasses: classes }),
};

/** Builds a registry model from options typed for it. */
function build<K extends ModelName>(name: K, opts: OptionsOf<K>, seed: number) {
  return getModel(name).build(opts, new Rng(seed));
}

describe('registry', () => {
  test('names: the issue list, kebab-case, keys equal entry names', () => {
    expect([...MODEL_NAMES].sort()).toEqual(
      ['mlp', 'ncf-gmf', 'ncf-mlp', 'neumf', 'resnet', 'resnet18', 'resnet34', 'vgg11', 'vgg13', 'vgg16', 'vgg16-2fc', 'vgg19', 'wrn', 'wrn-ndadam', 'wrn-ndadam-tf', 'wrn-padam'].sort(),
    );
    for (const name of MODEL_NAMES) {
      expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(MODELS[name].name).toBe(name);
      expect(MODELS[name].description.length).toBeGreaterThan(10);
      expect(MODELS[name].source.length).toBeGreaterThan(5);
      expect(MODELS[name].variants.length).toBeGreaterThan(0);
      expect(MODELS[name].variants[0].options).toEqual({});
    }
  });

  test('an option given as undefined means its default (optional CLI flags)', () => {
    for (const name of MODEL_NAMES) {
      const e = getModel(name);
      const allUndefined = Object.fromEntries(Object.keys(e.defaults).map((k) => [k, undefined]));
      expect(e.count(allUndefined), name).toEqual(e.count({}));
    }
  });

  test('getModel names the known models when the name is unknown', () => {
    expect(getModel('wrn')).toBe(MODELS.wrn);
    expect(() => getModel('resnet50')).toThrow("unknown model 'resnet50' (known: resnet18, resnet34, resnet, wrn,");
  });

  test.each(MODEL_NAMES)('%s: the analytic count equals the real build on random small configurations', (name) => {
    fc.assert(
      fc.property(SMALL[name], fc.integer({ min: 0, max: 1000 }), (opts, seed) => {
        const model = build(name, opts, seed);
        const count = getModel(name).count(opts);
        const vector = model.parameters().reduce((s, p) => s + (p.meta.unitAxes ? p.size : 0), 0);
        expect(count).toEqual({ total: model.numParameters(), vector });
      }),
      { numRuns: 8 },
    );
  });

  test.each(MODEL_NAMES)('%s: metadata invariants the optimizers rely on', (name) => {
    fc.assert(
      fc.property(SMALL[name], (opts) => {
        const info = parameterInfo(build(name, opts, 1));
        const names = new Set<string>();
        for (const p of info) {
          expect(names.has(p.name)).toBe(false);
          names.add(p.name);
          expect(p.name.startsWith(p.layer ? `${p.layer}.` : '')).toBe(true);
          expect(PARAM_ROLES).toContain(p.role);
          // ND-Adam vectors: every conv/linear weight, over all axes but the output axis; nothing else.
          if (p.role === 'weight') expect(p.unitAxes).toEqual(p.shape.slice(1).map((_, i) => i + 1));
          else expect(p.unitAxes).toBeUndefined();
          // LAWN: the final-homogeneous set is a subset of its default constrained set (role weight).
          if (p.tags.includes('final-homogeneous')) expect(p.role).toBe('weight');
          for (const t of p.tags) expect(['classifier', 'final-homogeneous']).toContain(t);
        }
        const cls = info.filter((p) => p.tags.includes('classifier'));
        expect(new Set(cls.map((p) => p.layer)).size).toBe(1);
        // the classifier is the last layer with a weight (only a BN-softmax shift may follow it)
        expect(info.filter((p) => p.role === 'weight').at(-1)!.layer).toBe(cls[0].layer);
        expect(info.slice(info.findIndex((p) => p.layer === cls[0].layer)).every((p) => p.layer === cls[0].layer || p.role === 'norm-shift')).toBe(true);
        expect(info.filter((p) => p.layer === cls[0].layer).every((p) => p.tags.includes('classifier'))).toBe(true);
        expect(cls.find((p) => p.role === 'weight')?.tags).toContain('final-homogeneous');
      }),
      { numRuns: 4 },
    );
  });

  test("every listed variant's options are valid (its count does not throw and is positive)", () => {
    for (const name of MODEL_NAMES) {
      const e = getModel(name);
      for (const v of e.variants) {
        const c = e.count(v.options);
        expect(c.total, `${name} ${v.label}`).toBeGreaterThan(0);
        expect(c.vector).toBeLessThanOrEqual(c.total);
      }
    }
  });
});
