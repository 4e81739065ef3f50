/** The setup ↔ URL round trip and its refusals (no browser needed). */
import { defaultsOf, OPTIMIZERS, type OptimizerName } from '@gapkit/optimizers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editableHyperparameters } from '../src/setup/hyper-inputs.js';
import { BACKEND_CHOICES, DEFAULT_SETUP, MODEL_CHOICES, type Setup, setupFromUrl, setupToUrl } from '../src/setup/setup.js';

const names = Object.keys(OPTIMIZERS) as OptimizerName[];

/** An optimizer with a few of its numeric hyperparameters set to values inside their ranges. */
const optimizerArb = fc.constantFrom(...names).chain((name) => {
  const numeric = editableHyperparameters(name).filter((h) => h.kind === 'number' && Number.isFinite(h.min.value) && Number.isFinite(h.max.value));
  const picks = numeric.map((h) => (h.kind === 'number' ? fc.option(fc.double({ min: h.min.value, max: h.max.value, noNaN: true, minExcluded: h.min.open, maxExcluded: h.max.open }), { nil: undefined }) : fc.constant(undefined)));
  return fc.tuple(...picks).map((vals) => {
    const options: Record<string, number> = {};
    vals.forEach((v, i) => {
      if (v !== undefined) options[numeric[i].key] = v;
    });
    return { name, options };
  });
});

const setupArb: fc.Arbitrary<Setup> = fc.record({
  model: fc.constantFrom(...MODEL_CHOICES),
  backend: fc.constantFrom(...BACKEND_CHOICES),
  trainSize: fc.integer({ min: 100, max: 8000 }),
  batchSize: fc.integer({ min: 1, max: 1024 }),
  steps: fc.integer({ min: 1, max: 100000 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  optimizers: fc.array(optimizerArb, { minLength: 1, maxLength: 4 }),
});

/** A setup with each option equal to its default left out (the URL does not spell defaults). */
function withoutDefaults(s: Setup): Setup {
  return {
    ...s,
    optimizers: s.optimizers.map((o) => {
      const d = defaultsOf(OPTIMIZERS[o.name]);
      return { name: o.name, options: Object.fromEntries(Object.entries(o.options).filter(([k, v]) => d[k] !== v)) };
    }),
  };
}

describe('setup in the URL', () => {
  it('reads back every setup it writes, without problems', () => {
    fc.assert(
      fc.property(setupArb, (s) => {
        const back = setupFromUrl(`#${setupToUrl(s)}`);
        expect(back.problems).toEqual([]);
        expect(back.setup).toEqual(withoutDefaults(s));
      }),
    );
  });

  it('names the parameter, what was expected and what came, and falls back to the default', () => {
    const r = setupFromUrl('#model=vgg&steps=-3&opt=padam:p=0.25,rho=2&opt=nadam');
    expect(r.setup.model).toBe(DEFAULT_SETUP.model);
    expect(r.setup.steps).toBe(DEFAULT_SETUP.steps);
    expect(r.setup.optimizers).toEqual([{ name: 'padam', options: { p: 0.25 } }]);
    expect(r.problems).toEqual([
      expect.stringMatching(/^URL parameter opt: 'rho=2' is not a hyperparameter of padam \(known: .*\bp\b/),
      expect.stringMatching(/^URL parameter opt: unknown optimizer 'nadam'/),
      "URL parameter model: expected one of mlp, cnn, got 'vgg'",
      "URL parameter steps: expected an integer in [1, 100000], got '-3'",
    ]);
  });

  it('refuses a non-finite or out-of-range hyperparameter with the registry message', () => {
    const r = setupFromUrl('#opt=adam:lr=NaN&opt=padam:p=0.7');
    expect(r.setup.optimizers).toEqual([
      { name: 'adam', options: {} },
      { name: 'padam', options: {} },
    ]);
    expect(r.problems).toEqual(["URL parameter opt: adam lr must be a finite number, got 'NaN'", 'URL parameter opt: padam p (p) must be a number in [0, 0.5], got 0.7']);
  });
});
