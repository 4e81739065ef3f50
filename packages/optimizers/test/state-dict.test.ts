/**
 * loadStateDict checks values as the constructor checks options: every problem in one library error,
 * nothing changed unless there is none; `{}`, `null` and wrong shapes are clear errors, never TypeError.
 */
import { describe, expect, it } from 'vitest';
import { Adam, AdamS, Lawn, type OptimizerStateDict, OptimizerError, Sgd, stateDictToJSON } from '../src/index.js';
import { fingerprint, param, setGrads } from './helpers.js';

/** A JSON state dict of Adam after two steps on w = [1, 2], and a fresh target to load it into. */
function saved(): { sd: OptimizerStateDict; load: (sd: unknown) => { error: unknown; unchanged: boolean } } {
  const w = param('w', [1, 2]);
  const src = new Adam([w], { lr: { kind: 'cosine-restarts', base: 0.1, t0: 10, tMult: 2 } });
  for (let k = 0; k < 2; k++) {
    setGrads([w], [[0.5, -1]]);
    src.step();
  }
  const sd = JSON.parse(JSON.stringify(stateDictToJSON(src.stateDict())));
  const load = (bad: unknown) => {
    const t = param('w', [3, 4]);
    const target = new Adam([t], { lr: { kind: 'cosine-restarts', base: 0.1, t0: 10, tMult: 2 } });
    setGrads([t], [[1, 1]]);
    target.step();
    const was = fingerprint(target, [t]);
    let error: unknown;
    try {
      target.loadStateDict(bad as OptimizerStateDict);
    } catch (e) {
      error = e;
    }
    return { error, unchanged: fingerprint(target, [t]) === was };
  };
  return { sd, load };
}

/** Sets a key of a JSON object, whatever its declared type (the point is to corrupt it). */
const set = (o: object, key: string | number, value: unknown) => Reflect.set(o, key, value);
const buf = (v: unknown): number[] => (Array.isArray(v) ? v : []);

function corrupt(edit: (sd: OptimizerStateDict) => void): unknown {
  const { sd } = saved();
  edit(sd);
  return sd;
}

describe('loadStateDict validates values', () => {
  const cases: Array<[string, () => unknown, RegExp]> = [
    ['null', () => null, /Adam.loadStateDict: expected a state dict object \(from stateDict\(\)\), got null/],
    ['a number', () => 3, /expected a state dict object/],
    ['{}', () => ({}), /format is missing.*state dict is for missing.*steps is missing.*params is missing.*groups is missing.*state is missing.*extra is missing/],
    ['steps NaN (null in JSON)', () => corrupt((s) => set(s, 'steps', null)), /steps is null, expected an integer ≥ 0/],
    ['steps −3', () => corrupt((s) => set(s, 'steps', -3)), /steps is -3/],
    ['steps 2.5', () => corrupt((s) => set(s, 'steps', 2.5)), /steps is 2.5/],
    ['steps Infinity', () => corrupt((s) => set(s, 'steps', Number.POSITIVE_INFINITY)), /steps is Infinity, expected an integer ≥ 0/],
    ['t −5', () => corrupt((s) => set(s.state.w, 't', -5)), /'w'.t is -5, expected an integer in \[0, steps = 2\]/],
    ['t 2.5', () => corrupt((s) => set(s.state.w, 't', 2.5)), /'w'.t is 2.5/],
    ['t > steps', () => corrupt((s) => set(s.state.w, 't', 7)), /'w'.t is 7, expected an integer in \[0, steps = 2\]/],
    ['a NaN buffer (null in JSON)', () => corrupt((s) => set(s.state.w, 'm', [null, 1])), /'w'.m is \[null,1\], expected 2 values/],
    ['an Infinity buffer value', () => corrupt((s) => set(buf(s.state.w.m), 1, Number.POSITIVE_INFINITY)), /'w'.m\[1\] is Infinity \(buffers must be finite\)/],
    ['a negative second moment', () => corrupt((s) => set(buf(s.state.w.v), 0, -1)), /'w'.v\[0\] is -1 \(a second moment is never negative\)/],
    ['an unknown state entry', () => corrupt((s) => set(s.state.w, 'mm', [1, 2])), /'w' state: unknown key 'mm' \(did you mean 'm'\?\)/],
    ['an option out of range', () => corrupt((s) => set(s.groups[0].options, 'beta1', 2)), /beta1 \(β₁\) must be in \[0, 1\), got 2/],
    ['an unknown option key', () => corrupt((s) => set(s.groups[0].options, 'weight_decay', 0.1)), /unknown key 'weight_decay' \(did you mean 'weightDecay'\?\)/],
    ['an option of the wrong type', () => corrupt((s) => set(s.groups[0].options, 'amsgrad', 'yes')), /group 0 options: amsgrad must be a boolean, got "yes"/],
    ['a malformed schedule', () => corrupt((s) => set(s.groups[0].options, 'lr', { kind: 'cosine-restarts', base: 0.1, t0: 0, tMult: 2 })), /t0 must be a positive number/],
    ['an unknown top-level key', () => corrupt((s) => set(s, 'stepz', 1)), /unknown key 'stepz' \(did you mean 'steps'\?\)/],
    ['params not a list', () => corrupt((s) => set(s, 'params', 'w')), /params is "w", expected a list of \{ name, shape \}/],
    ['groups of the wrong shape', () => corrupt((s) => set(s, 'groups', [{ params: 'w' }])), /groups\[0\] is .*expected \{ params, options \}/],
    ['state not an object', () => corrupt((s) => set(s, 'state', [])), /state is \[\], expected an object keyed by parameter name/],
    ['a state record not an object', () => corrupt((s) => set(s.state, 'w', 5)), /state of 'w' is 5, expected an object/],
  ];

  it.each(cases)('%s: a library error, nothing changed', (_label, make, message) => {
    const { load } = saved();
    const { error, unchanged } = load(make());
    expect(error).toBeInstanceOf(OptimizerError);
    expect(String(error)).toMatch(message);
    expect(unchanged).toBe(true);
  });

  it('lists every problem at once', () => {
    const { load } = saved();
    const { error } = load(
      corrupt((s) => {
        set(s, 'steps', -1);
        set(buf(s.state.w.v), 1, -2);
        set(s.groups[0].options, 'eps', -1);
      }),
    );
    expect(String(error)).toMatch(/steps is -1.*eps \(ε\) must be in \[0, ∞\), got -1.*'w'.v\[1\] is -2/);
  });

  it('a valid dict still loads and continues (the cosine-restarts clock is restored)', () => {
    const { sd } = saved();
    const w = param('w', [9, 9]);
    const opt = new Adam([w], { lr: { kind: 'cosine-restarts', base: 0.1, t0: 10, tMult: 2 } });
    opt.loadStateDict(sd);
    expect(opt.stepCount).toBe(2);
    setGrads([w], [[1, 1]]);
    opt.step();
    expect(w.data.every(Number.isFinite)).toBe(true);
  });

  it('SGD momentum flags are booleans; a number is refused', () => {
    const w = param('w', [1]);
    const opt = new Sgd([w], { momentum: 0.9 });
    setGrads([w], [[1]]);
    opt.step();
    const sd = stateDictToJSON(opt.stateDict());
    expect(sd.state.w.hasBuf).toBe(true);
    set(sd.state.w, 'hasBuf', 1);
    expect(() => new Sgd([param('w', [1])], { momentum: 0.9 }).loadStateDict(sd)).toThrow(/'w'.hasBuf is 1, expected true or false/);
  });

  it("LAWN's extras are checked: switched, c_ℓ > 0 finite for known tensors, excluded names", () => {
    const w = param('fc.weight', [0.6, 0.8], [1, 2]);
    const opt = new Lawn([w], { freeSteps: 1 });
    for (let k = 0; k < 2; k++) {
      setGrads([w], [[0.1, -0.3]]);
      opt.step();
    }
    const sd = stateDictToJSON(opt.stateDict());
    const load = (extra: unknown) => () => new Lawn([param('fc.weight', [0.6, 0.8], [1, 2])], { freeSteps: 1 }).loadStateDict({ ...sd, extra: extra as Record<string, unknown> });
    expect(load({ switched: 'yes', c: {}, excluded: [] })).toThrow(/LAWN extra.switched is "yes", expected true or false/);
    expect(load({ switched: true, c: { 'fc.weight': Number.NaN }, excluded: [] })).toThrow(/c_ℓ of 'fc.weight' is NaN/);
    expect(load({ switched: true, c: { 'fc.weight': 1 }, excluded: ['nope'] })).toThrow(/excluded must list known parameter names/);
    expect(load(null)).toThrow(/extra is null, expected an object/);
    expect(load({ switched: false, c: { 'fc.weight': 1 }, excluded: [] })).toThrow(/c_ℓ values but switched is false/);
  });

  it('AdamS: a dict with NaN moments can no longer be loaded to poison every later step', () => {
    const w = param('w', [1, 2]);
    const opt = new AdamS([w]);
    setGrads([w], [[0.1, 0.2]]);
    opt.step();
    const sd = stateDictToJSON(opt.stateDict());
    set(buf(sd.state.w.v), 0, Number.NaN);
    expect(() => new AdamS([param('w', [1, 2])]).loadStateDict(sd)).toThrow(/'w'.v\[0\] is NaN/);
  });
});
