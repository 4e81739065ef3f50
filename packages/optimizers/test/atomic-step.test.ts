/**
 * Atomic steps, for every registry entry: a non-finite gradient anywhere is an error naming the tensor,
 * the index and the step, and leaves the optimizer and the parameters byte for byte as they were;
 * `nonFinite: 'skip'` skips and counts the step instead; with ε = 0 a 0/0 is an error naming the cause,
 * and is undone.
 */
import type { Parameter } from '@gapkit/autodiff';
import { PROPERTY_RUNS } from '@gapkit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Adam, OptimizerError, Padam, REGISTRY, registryEntry, stateDictToJSON } from '../src/index.js';
import { cloneParams, fingerprint, param, setGrads, wave } from './helpers.js';

const needs = (name: string): Record<string, unknown> => (name.endsWith('-lawn') ? { freeSteps: 2 } : {});

function model(): Parameter[] {
  return [param('conv.weight', [0.3, -0.4, 0.5, 0.1, -0.2, 0.6], [2, 3], { unitAxes: [1] }), param('conv.bias', [0.1, -0.1], [2], { role: 'bias' })];
}
const SIZES = [6, 2];
const good = (k: number) => SIZES.map((n, i) => wave(k, i, n));

describe.each([...REGISTRY.keys()])('%s: atomic steps', (name) => {
  const entry = registryEntry(name);

  it('a NaN or ±Infinity gradient is an error naming tensor, index and step, and changes nothing (byte for byte)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 1 }),
        fc.nat(),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
        (before, tensor, at, bad) => {
          const ps = model();
          const opt = entry.create(ps, needs(name));
          for (let k = 0; k < before; k++) {
            setGrads(ps, good(k));
            opt.step();
          }
          const was = fingerprint(opt, ps);
          const grads = good(before);
          const index = at % SIZES[tensor];
          grads[tensor][index] = bad;
          setGrads(ps, grads);
          let error: unknown;
          try {
            opt.step();
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(OptimizerError);
          const pname = ps[tensor].meta.name;
          expect(String(error)).toContain(`step ${before + 1}: the gradient of '${pname}' holds ${bad} at index ${index}`);
          expect(fingerprint(opt, ps)).toBe(was);
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it("nonFinite: 'skip' skips the step, counts it (describe, state dict), and the run continues as if it never came", () => {
    const ps = model();
    const qs = cloneParams(ps);
    const skipping = entry.create(ps, { ...needs(name), nonFinite: 'skip' });
    const clean = entry.create(qs, needs(name));
    for (let k = 0; k < 6; k++) {
      if (k === 3) {
        const grads = good(k);
        grads[1][0] = Number.NaN;
        setGrads(ps, grads);
        const was = fingerprint(skipping, ps);
        skipping.step();
        expect(skipping.skippedSteps).toBe(1);
        expect(fingerprint(skipping, ps)).toBe(was.replace('"skippedSteps":0', '"skippedSteps":1'));
        continue;
      }
      setGrads(ps, good(k));
      setGrads(qs, good(k));
      skipping.step();
      clean.step();
    }
    ps.forEach((p, i) => {
      expect(Array.from(p.data)).toEqual(Array.from(qs[i].data));
    });
    expect(skipping.describe().skippedSteps).toBe(1);
    const saved = stateDictToJSON(skipping.stateDict());
    expect(saved.skippedSteps).toBe(1);
    const resumed = entry.create(cloneParams(ps), name === 'nd-adam' ? { normalizeAtInit: false } : needs(name));
    resumed.loadStateDict(saved);
    expect(resumed.skippedSteps).toBe(1);
  });

  // (SGD and SGDS have no ε: no such test for them)
  const hasEps = entry.hyperparameters.some((h) => h.key === 'eps');
  if (hasEps) it('ε = 0: a step either stays finite or is an error naming ε = 0 and is undone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5 }), (before, zeroAt) => {
        const ps = model();
        const opt = entry.create(ps, { ...needs(name), eps: 0 });
        for (let k = 0; k <= before; k++) {
          const grads = good(k);
          grads[0][zeroAt] = 0; // an element whose gradient is always zero: v stays 0 there
          grads[1][zeroAt % 2] = 0;
          setGrads(ps, grads);
          const was = fingerprint(opt, ps);
          try {
            opt.step();
          } catch (e) {
            expect(e).toBeInstanceOf(OptimizerError);
            expect(String(e)).toMatch(/eps \(ε\) = 0 with a zero second moment gave 0\/0 in .* of '(conv\.weight|conv\.bias)' at index \d+; the step was undone/);
            expect(fingerprint(opt, ps)).toBe(was);
            return;
          }
          for (const p of ps) expect(p.data.every(Number.isFinite)).toBe(true);
        }
      }),
      { numRuns: Math.ceil(PROPERTY_RUNS / 2) },
    );
  });
});

describe('ε = 0 where a reference needs it', () => {
  it("Padam's Algorithm 1 form (biasCorrection 'none', ε = 0) runs while every v̂ > 0, and names the cause at the first 0/0", () => {
    const w = param('w', [1, 2]);
    const opt = new Padam([w], { eps: 0, biasCorrection: 'none', weightDecay: 0, lr: 0.1 });
    setGrads([w], [[0.5, -1]]);
    opt.step();
    expect(w.data.every(Number.isFinite)).toBe(true);
    const w2 = param('w', [1, 2]);
    const opt2 = new Padam([w2], { eps: 0, biasCorrection: 'none', weightDecay: 0 });
    setGrads([w2], [[0.5, 0]]);
    expect(() => opt2.step()).toThrow(/Padam: step 1: eps \(ε\) = 0 with a zero second moment gave 0\/0 in the weights of 'w' at index 1; the step was undone/);
    expect([opt2.stateOf('w'), opt2.stepCount, Array.from(w2.data)]).toEqual([undefined, 0, [1, 2]]);
  });

  it('Adam with ε = 0 (AMSGrad exactness needs it): fine once v > 0, a 0/0 is refused and undone', () => {
    const w = param('w', [1, 2]);
    const opt = new Adam([w], { eps: 0 });
    setGrads([w], [[0.1, 0.2]]);
    opt.step();
    setGrads([w], [[0, 0]]);
    opt.step(); // v > 0 from step 1: m/√v is finite
    expect(w.data.every(Number.isFinite)).toBe(true);
    const w2 = param('w', [1, 2]);
    const fresh = new Adam([w2], { eps: 0 });
    const untouched = fingerprint(fresh, [w2]);
    setGrads([w2], [[0, 0.2]]);
    expect(() => fresh.step()).toThrow(/Adam: step 1: eps \(ε\) = 0 .*'w' at index 0/);
    expect(fingerprint(fresh, [w2])).toBe(untouched);
  });
});
