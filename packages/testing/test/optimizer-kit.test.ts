/**
 * The optimizer kit on two tiny optimizers written here (the testing package cannot depend on
 * @gapkit/optimizers): plain SGD, and the same rule with the learning rate folded differently.
 */
import type { Parameter } from '@gapkit/autodiff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertInvariantAfterEveryStep,
  assertReducesTo,
  assertScalesLike,
  buildParams,
  gradientStreamArb,
  LawViolation,
  paramSetArb,
  specsSnippet,
  type Subject,
  trajectory,
  trajectoryDistance,
} from '../src/index.js';

/** w ← w − lr·g, skipping tensors without a gradient. */
class PlainSgd {
  private readonly params: Parameter[];
  private readonly lr: number;
  private readonly shift: number;
  constructor(params: Parameter[], lr: number, shift = 0) {
    this.params = params;
    this.lr = lr;
    this.shift = shift;
  }
  step(): void {
    for (const p of this.params) {
      const g = p.grad;
      if (!g) continue;
      for (let i = 0; i < p.size; i++) p.data[i] -= this.lr * g.data[i] + this.shift;
    }
  }
}

const sgd = (lr: number, shift = 0): Subject => ({ make: (ps) => new PlainSgd(ps, lr, shift), code: `new PlainSgd(params, ${lr}, ${shift})` });

describe('paramSetArb / gradientStreamArb', () => {
  it('draws uniquely named tensors of the asked kinds, with unit axes on weights', () => {
    fc.assert(
      fc.property(paramSetArb({ maxTensors: 4 }), (specs) => {
        expect(new Set(specs.map((s) => s.name)).size).toBe(specs.length);
        for (const s of specs) {
          expect(s.values.length).toBe(s.shape.reduce((a, b) => a * b, 1));
          expect(s.shape.length === 1).toBe(s.unitAxes === undefined);
          if (s.shape.length === 4) expect(s.shape[2]).toBeLessThanOrEqual(3);
        }
      }),
    );
  });
  it('gives one gradient per tensor per step, of the tensor\'s size, and none absent when absent = 0', () => {
    fc.assert(
      fc.property(gradientStreamArb([3, 1, 5], { absent: 0, minSteps: 2, maxSteps: 4 }), (stream) => {
        expect(stream.length).toBeGreaterThanOrEqual(2);
        for (const step of stream) expect(step.map((g) => g?.length)).toEqual([3, 1, 5]);
      }),
    );
  });
  it('builds independent parameters from one spec', () => {
    const specs = fc.sample(paramSetArb(), { numRuns: 1, seed: 7 })[0];
    const [a, b] = [buildParams(specs), buildParams(specs)];
    a[0].data[0] += 1;
    expect(b[0].data[0]).toBe(specs[0].values[0]);
  });
});

describe('trajectory', () => {
  it('leaves a tensor whose gradient is absent exactly as it was', () => {
    const specs = [{ name: 'w', shape: [2], role: 'weight' as const, values: new Float32Array([1, 2]) }];
    const t = trajectory(sgd(0.5).make, specs, [[new Float32Array([1, 1])], [null]]);
    expect(Array.from(t.after[0].get('w')!)).toEqual([0.5, 1.5]);
    expect(Array.from(t.after[1].get('w')!)).toEqual([0.5, 1.5]);
  });
});

describe('assertReducesTo', () => {
  it('passes for the same rule written twice', () => {
    assertReducesTo({ subject: () => sgd(0.1), reference: () => sgd(0.1), numRuns: 10 });
  });
  it('fails with a replayable snippet when the rules differ', () => {
    let message = '';
    try {
      assertReducesTo({ subject: () => sgd(0.1, 1e-3), reference: () => sgd(0.1), numRuns: 10 });
    } catch (e) {
      expect(e).toBeInstanceOf(LawViolation);
      message = (e as Error).message;
    }
    expect(message).toContain('reducesTo fails');
    expect(message).toContain('const specs: ParamSpec[]');
    expect(message).toContain('new PlainSgd(params, 0.1, 0.001)');
    expect(message).toMatch(/step \d+, tensor '.+' \[\d+\]: subject/);
  });
  it('draws hyperparameters and hands the same ones to both sides', () => {
    assertReducesTo({ hyper: fc.double({ min: 0, max: 1, noNaN: true }), subject: (lr) => sgd(lr), reference: (lr) => sgd(lr), numRuns: 10 });
  });
});

describe('assertInvariantAfterEveryStep', () => {
  it('catches the first step that breaks the invariant', () => {
    const finite = (t: ReturnType<typeof trajectory>, k: number) => {
      for (const [name, x] of t.after[k]) {
        const i = x.findIndex((v) => !Number.isFinite(v));
        if (i >= 0) return { tensor: name, index: i, detail: `${x[i]} is not finite` };
      }
      return null;
    };
    assertInvariantAfterEveryStep({ subject: () => sgd(0.1), check: finite, numRuns: 10 });
    expect(() => assertInvariantAfterEveryStep({ subject: () => sgd(Number.POSITIVE_INFINITY), check: finite, stream: { absent: 0 }, numRuns: 10 })).toThrow(
      /invariantAfterEveryStep fails[\s\S]*is not finite/,
    );
  });
});

describe('assertScalesLike', () => {
  it('accepts a linear limit and reports its ratios', () => {
    expect(assertScalesLike({ knobs: [0.1, 0.05, 0.025], order: 1, distance: (s) => 3 * s + s * s })).toHaveLength(2);
  });
  it('rejects a distance that does not shrink at the stated order', () => {
    expect(() => assertScalesLike({ knobs: [0.1, 0.05], order: 1, distance: (s) => Math.sqrt(s) })).toThrow(LawViolation);
  });
  it('measures trajectory distance as the largest difference, and NaN as NaN', () => {
    const specs = [{ name: 'w', shape: [1], role: 'weight' as const, values: new Float32Array([1]) }];
    const stream = [[new Float32Array([1])]];
    expect(trajectoryDistance(trajectory(sgd(0.5).make, specs, stream), trajectory(sgd(0.25).make, specs, stream))).toBeCloseTo(0.25, 7);
    expect(trajectoryDistance(trajectory(sgd(Number.NaN).make, specs, stream), trajectory(sgd(0.25).make, specs, stream))).toBeNaN();
  });
});

describe('snippets', () => {
  it('write float32 values that read back bit for bit', () => {
    fc.assert(
      fc.property(paramSetArb(), (specs) => {
        const text = specsSnippet(specs);
        const arrays = [...text.matchAll(/new Float32Array\(\[([^\]]*)\]\)/g)].map((m) => Float32Array.from(m[1].split(', ').map(Number)));
        expect(arrays.map((a) => Array.from(a))).toEqual(specs.map((s) => Array.from(s.values)));
      }),
    );
  });
});
