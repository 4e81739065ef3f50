/**
 * The registry: names, citations, files, docs pages, and a hyperparameter table that is complete and
 * consistent with the classes (every option key of the class has a spec and vice versa), defaults
 * inside their own ranges, variants that build, and create() over several groups.
 */
import { existsSync } from 'node:fs';
import type { Parameter } from '@gapkit/autodiff';
import { describe, expect, it } from 'vitest';
import { defaultsOf, type HyperParameter, hyperProblem, OPTIMIZERS, REGISTRY, registryEntry, registryEntryByReference } from '../src/index.js';
import { param, setGrads } from './helpers.js';

const ROOT = new URL('..', import.meta.url).pathname;
const DOCS = ['docs/papers/nd-adam.md', 'docs/papers/padam.md', 'docs/papers/adams-sgds.md', 'docs/papers/lawn.md', 'docs/papers/baselines.md'];
/** The `optimizer` names of the conformance format (its README, "Every optimizer name and hyper key"). */
const CONFORMANCE_NAMES = ['SGD', 'SGDS', 'Adam', 'Adam(amsgrad)', 'AdamW', 'AdamS', 'Padam', 'ND-Adam', 'LAMB', 'Adam-LAWN', 'LAMB-LAWN', 'SGD-LAWN', 'AdaBound', 'Yogi', 'RAdam'];

/** What every entry needs here to be well defined (LAWN: the switch after 2 steps). */
const needs = (name: string): Record<string, unknown> => (name.endsWith('-lawn') ? { freeSteps: 2 } : {});

/** A valid value for a setting that has no default. */
function sample(h: HyperParameter): unknown {
  if (h.default !== undefined) return h.default;
  if (h.kind === 'number') return h.integer ? 3 : 1;
  if (h.kind === 'text') return 'final-homogeneous';
  if (h.kind === 'names') return ['w'];
  return undefined;
}

function model(): Parameter[] {
  return [param('w', [0.6, 0.8, -0.3, 0.5], [2, 2], { unitAxes: [1] }), param('b', [0.1, -0.2], [2], { role: 'bias' })];
}

/** The valid keys an OptimizerError lists after "valid keys: ". */
function validKeysIn(message: string): string[] {
  const m = /valid keys: (.*)$/.exec(message);
  if (!m) throw new Error(`no key list in: ${message}`);
  return m[1].split(', ');
}

describe('registry', () => {
  it('names every optimizer in kebab-case, once, with a conformance name from the format', () => {
    expect([...REGISTRY.keys()]).toEqual(Object.keys(OPTIMIZERS));
    for (const [name, e] of REGISTRY) {
      expect(e.name).toBe(name);
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
    expect([...REGISTRY.values()].map((e) => e.reference.optimizer).sort()).toEqual([...CONFORMANCE_NAMES].sort());
    expect(registryEntryByReference('Adam(amsgrad)').name).toBe('amsgrad');
    expect(() => registryEntry('padm')).toThrow(/optimizer 'padm' is not registered \(did you mean 'padam'\?\) \(known: sgd, adam/);
    expect(() => registryEntryByReference('Adam-Lawn')).toThrow(/did you mean 'Adam-LAWN'/);
  });

  it.each([...REGISTRY.keys()])('%s: citation, file and docs page', (name) => {
    const e = registryEntry(name);
    expect(existsSync(`${ROOT}${e.file}`)).toBe(true);
    expect(DOCS).toContain(e.docs);
    expect(e.citation.title.length).toBeGreaterThan(5);
    expect(e.citation.venue.length).toBeGreaterThan(3);
    if (e.citation.arxiv !== undefined) expect(e.citation.arxiv).toMatch(/^\d{4}\.\d{4,5}$/);
  });

  it.each([...REGISTRY.keys()])('%s: every default and reference default satisfies its own spec', (name) => {
    for (const h of registryEntry(name).hyperparameters) {
      expect(h.symbol.length, h.key).toBeGreaterThan(0);
      expect(h.description.length, h.key).toBeGreaterThan(5);
      expect(h.source.length, h.key).toBeGreaterThan(3);
      if (h.default !== undefined) expect(hyperProblem(h, h.default), `${name}.${h.key}`).toBeNull();
      if ('referenceDefault' in h && h.referenceDefault !== undefined) expect(hyperProblem(h, h.referenceDefault), `${name}.${h.key}`).toBeNull();
    }
  });

  it.each([...REGISTRY.keys()])('%s: the table lists exactly the options of the class (a forgotten option fails here)', (name) => {
    const e = registryEntry(name);
    const opt = e.create(model(), needs(name));
    const groupKeys = e.hyperparameters.filter((h) => h.scope === 'group').map((h) => h.key);
    expect(Object.keys(opt.groups[0].options).sort()).toEqual([...groupKeys].sort());
    // the class's own list of valid keys (from its unknown-key error) is the table, group and optimizer-wide
    let message = '';
    try {
      e.create(model(), { ...needs(name), notAnOption: 1 });
    } catch (err) {
      message = err instanceof Error ? err.message : String(err);
    }
    expect(validKeysIn(message).sort()).toEqual([...e.hyperparameters.map((h) => h.key), ...Object.keys(e.fixed)].sort());
    for (const [k, v] of Object.entries(e.fixed)) expect(() => e.create(model(), { ...needs(name), [k]: v })).toThrow(/is fixed/);
    // describe() prints every optimizer-wide setting that has a value
    const described = opt.describe().settings;
    for (const h of e.hyperparameters.filter((x) => x.scope === 'optimizer' && x.default !== undefined)) expect(described, `${name}.${h.key}`).toHaveProperty(h.key, h.default);
    // every optimizer-wide setting is accepted with a valid value
    for (const h of e.hyperparameters.filter((x) => x.scope === 'optimizer')) {
      const value = sample(h);
      if (value === undefined) continue;
      expect(() => e.create(model(), { ...needs(name), [h.key]: value }), `${name}.${h.key}`).not.toThrow();
    }
  });

  it.each([...REGISTRY.keys()])('%s: defaults of the built optimizer are those of the table', (name) => {
    const e = registryEntry(name);
    const opt = e.create(model(), needs(name));
    const d = defaultsOf(e);
    for (const [k, v] of Object.entries(opt.groups[0].options)) {
      if (name === 'adabound' && k === 'initialLr') continue; // NaN default: replaced by the group's lr at construction
      expect(v, `${name}.${k}`).toEqual(d[k]);
    }
  });

  it.each([...REGISTRY.keys()])('%s: every variant builds and its settings are valid options', (name) => {
    const e = registryEntry(name);
    expect(e.variants.length).toBeGreaterThan(0);
    expect(Object.keys(e.variants[0].settings)).toEqual([]);
    for (const v of e.variants) {
      for (const [k, value] of Object.entries(v.settings)) {
        const h = e.hyperparameters.find((x) => x.key === k);
        expect(h, `${name} variant ${v.name}: ${k}`).toBeDefined();
        if (h) expect(hyperProblem(h, value)).toBeNull();
      }
      const opt = e.create(model(), { ...needs(name), ...v.settings });
      for (const [k, value] of Object.entries(v.settings)) if (k in opt.groups[0].options) expect(opt.groups[0].options).toHaveProperty(k, value);
    }
  });

  it.each([...REGISTRY.keys()])('%s: create() takes two groups with per-group options and steps both', (name) => {
    const e = registryEntry(name);
    const [w, b] = model();
    const first = { params: [w], lr: 0.01 };
    const second = { params: [b], lr: 0.02 };
    const opt = e.create([first, second], needs(name));
    expect(opt.groups.map((g) => g.options).map((o) => ('lr' in o ? o.lr : undefined))).toEqual([0.01, 0.02]);
    const before = [w.data.slice(), b.data.slice()];
    // 6 steps: RAdam leaves the weights alone until ρ_t ≥ 5
    for (let k = 0; k < 6; k++) {
      setGrads([w, b], [[0.3, -0.2, 0.1, 0.4], [0.5, -0.5]]);
      opt.step();
    }
    expect(opt.describe().groups.map((g) => g.params.map((p) => p.name))).toEqual([['w'], ['b']]);
    expect(Array.from(b.data)).not.toEqual(Array.from(before[1]));
    expect(Array.from(w.data)).not.toEqual(Array.from(before[0]));
  });

  it('ND-Adam\'s code variant carries the authors\' PyTorch settings (lr 0.04 both groups, β₂ 0.99, L2 5e-6)', () => {
    const code = OPTIMIZERS['nd-adam'].variants.find((v) => v.name === 'code');
    expect(code?.settings).toEqual({ variant: 'code', lr: 0.04, lrVector: 0.04, beta2: 0.99, weightDecay: 5e-6, normalizeAtInit: false });
    const opt = OPTIMIZERS['nd-adam'].create(model(), { variant: 'code' });
    expect(opt.groups[0].options).toMatchObject({ lr: 0.04, lrVector: 0.04, beta2: 0.99, weightDecay: 5e-6, normalizeAtInit: false });
  });

  it("Padam's p: default 1/8 (the paper's runs), reference default 1/4 (uclaml/Padam's class default), conformance name 'partial'", () => {
    const p = OPTIMIZERS.padam.hyperparameters.find((h) => h.key === 'p');
    expect(p).toMatchObject({ symbol: 'p', default: 0.125, referenceDefault: 0.25, reference: { key: 'partial' } });
    const b2 = OPTIMIZERS.padam.hyperparameters.find((h) => h.key === 'beta2');
    expect(b2?.reference).toEqual({ key: 'betas', index: 1 });
  });
});
