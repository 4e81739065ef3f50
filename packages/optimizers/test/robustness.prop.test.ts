/**
 * The robustness suite (fast-check): random option objects, random corruptions of a valid state dict and
 * random schedule specs. None may hang (each run is small; a hang fails by timeout), throw anything but
 * an OptimizerError (no TypeError or RangeError from the runtime), or leave an optimizer half-changed.
 */
import type { Parameter } from '@gapkit/autodiff';
import { PROPERTY_RUNS } from '@gapkit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptimizerError, REGISTRY, registryEntry, SCHEDULE_KINDS, SCHEDULE_KEYS, type ScheduleSpec, scheduleAt, stateDictToJSON, validateSchedule } from '../src/index.js';
import { fingerprint, param, setGrads, wave } from './helpers.js';

const needs = (name: string): Record<string, unknown> => (name.endsWith('-lawn') ? { freeSteps: 2 } : {});

function model(): Parameter[] {
  return [param('fc.weight', [0.3, -0.4, 0.5, 0.1, -0.2, 0.6], [2, 3], { unitAxes: [1] }), param('fc.bias', [0.1, -0.1], [2], { role: 'bias' })];
}
const good = (k: number) => [wave(k, 0, 6), wave(k, 1, 2)];

/** Runs `f`; returns the error if it threw one, and fails the test on a non-library error. */
function libraryErrorOf(f: () => void): OptimizerError | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof OptimizerError) return e;
    throw new Error(`not a library error: ${e instanceof Error ? `${e.constructor.name}: ${e.message}\n${e.stack}` : String(e)}`);
  }
}

/** Values a careless caller or a corrupted file might hold. */
const junk = fc.oneof(
  fc.anything({ maxDepth: 2, maxKeys: 4 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1e308, -0, 2.5, 'adam', true, null, [], {}),
  fc.record({ kind: fc.constantFrom(...SCHEDULE_KINDS), base: fc.double(), t0: fc.double(), tMult: fc.double(), total: fc.double() }, { requiredKeys: ['kind'] }),
);

describe.each([...REGISTRY.keys()])('%s: robustness', (name) => {
  const entry = registryEntry(name);
  const keys = entry.hyperparameters.map((h) => h.key);

  it('options that are not an object (null, a number, a list) and a closure that is not a function: library errors', () => {
    for (const bad of [null, 3, 'lr', [1]]) {
      expect(libraryErrorOf(() => entry.create(model(), bad as never))).toBeInstanceOf(OptimizerError);
      expect(libraryErrorOf(() => entry.create(bad as never, needs(name)))).toBeInstanceOf(OptimizerError);
    }
    const ps = model();
    const opt = entry.create(ps, needs(name));
    setGrads(ps, good(0));
    expect(libraryErrorOf(() => opt.step(3 as never))).toBeInstanceOf(OptimizerError);
  });

  it('random option objects: built and stepped, or a library error; a failed step changes nothing', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })), junk, { maxKeys: 4 }), fc.boolean(), (options, perGroup) => {
        const ps = model();
        let opt: ReturnType<typeof entry.create> | undefined;
        const built = libraryErrorOf(() => {
          opt = perGroup ? entry.create([{ params: [ps[0]], ...options }, { params: [ps[1]] }], needs(name)) : entry.create(ps, { ...needs(name), ...options });
        });
        if (built || !opt) return;
        const o = opt;
        for (let k = 0; k < 3; k++) {
          setGrads(ps, good(k));
          const was = fingerprint(o, ps);
          const failed = libraryErrorOf(() => o.step());
          if (failed) {
            expect(fingerprint(o, ps)).toBe(was);
            return;
          }
        }
      }),
      { numRuns: PROPERTY_RUNS * 4 },
    );
  });

  it('random corruptions of a valid state dict: loaded whole or refused whole, then steps only fail cleanly', () => {
    const ps = model();
    const src = entry.create(ps, needs(name));
    for (let k = 0; k < 4; k++) {
      setGrads(ps, good(k));
      src.step();
    }
    const valid: unknown = JSON.parse(JSON.stringify(stateDictToJSON(src.stateDict())));
    /** Every path into the JSON tree. */
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, [...path, i]);
      else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(valid, []);
    const edit = fc.record({ at: fc.nat(), op: fc.constantFrom('set', 'delete', 'add'), value: junk, key: fc.string({ maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let sd: unknown = structuredClone(valid);
        for (const e of edits) {
          const path = paths[e.at % paths.length];
          if (path.length === 0) {
            if (e.op === 'set') sd = e.value;
            continue;
          }
          let parent: unknown = sd;
          for (const step of path.slice(0, -1)) parent = typeof parent === 'object' && parent !== null ? Reflect.get(parent, step) : undefined;
          if (typeof parent !== 'object' || parent === null) continue;
          const last = path[path.length - 1];
          const key = e.op === 'add' ? e.key : last;
          if (Array.isArray(parent) && key === 'length') continue; // the harness cannot set an array's length to junk
          if (e.op === 'delete') Reflect.deleteProperty(parent, last);
          else Reflect.set(parent, key, e.value);
        }
        const qs = model();
        const target = entry.create(qs, name === 'nd-adam' ? { normalizeAtInit: false } : needs(name));
        const before = fingerprint(target, qs);
        const refused = libraryErrorOf(() => target.loadStateDict(sd as never));
        if (refused) {
          expect(fingerprint(target, qs)).toBe(before);
          return;
        }
        for (let k = 0; k < 2; k++) {
          setGrads(qs, good(k));
          const was = fingerprint(target, qs);
          if (libraryErrorOf(() => target.step())) expect(fingerprint(target, qs)).toBe(was);
        }
      }),
      { numRuns: PROPERTY_RUNS * 4 },
    );
  });
});

describe('schedules: robustness', () => {
  const numberish = fc.oneof(fc.double(), fc.integer({ min: -5, max: 1000 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 1e308, 0, 1), fc.constant('3'));
  const spec = fc.constantFrom(...SCHEDULE_KINDS).chain((kind) =>
    fc.record({
      kind: fc.constant(kind),
      fields: fc.dictionary(fc.oneof(fc.constantFrom(...SCHEDULE_KEYS[kind]), fc.string({ maxLength: 5 })), fc.oneof(numberish, fc.array(numberish, { maxLength: 4 }), fc.constantFrom('epoch', 'step')), {
        maxKeys: 6,
      }),
    }),
  );

  it('random specs at random clocks (0 … 1e15, and bad clocks) evaluate to a number or a library error, never hang', () => {
    fc.assert(
      fc.property(spec, fc.oneof(fc.nat(), fc.integer({ min: 0, max: 1e15 }), fc.constantFrom(Number.POSITIVE_INFINITY, Number.NaN, -1, 0.5)), ({ kind, fields }, s) => {
        const candidate: unknown = { ...fields, kind };
        if (libraryErrorOf(() => validateSchedule(candidate))) return;
        const valid = candidate as ScheduleSpec;
        let value = Number.NaN;
        if (libraryErrorOf(() => {
          value = scheduleAt(valid, s);
        }))
          return;
        expect(typeof value).toBe('number');
        expect(Number.isNaN(value)).toBe(false);
      }),
      { numRuns: PROPERTY_RUNS * 10 },
    );
  });
});
