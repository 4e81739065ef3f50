/** Aggregating a sweep: mean ± sample std per grid point over its seeds, each seed, missing seeds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridTable, meanStd, seedTable, summarizePoints } from '../src/sweep/aggregate.js';
import type { RunSpec } from '../src/sweep/expand-sweep.js';
import type { RunOutcome } from '../src/sweep/run-outcome.js';

const spec = (key: string, point: string, seed: number): RunSpec => ({ key, point, seed, input: {} });
const done = (s: RunSpec, accuracy: number, loss: number): RunOutcome => ({
  key: s.key, point: s.point, seed: s.seed, status: 'done', metrics: { accuracy, loss }, steps: 10, curves: {}, seconds: 1, resumedFrom: 0,
});

describe('sweep aggregation', () => {
  it('mean and sample standard deviation', () => {
    expect(meanStd([1, 2, 3, 4])).toEqual({ mean: 2.5, std: Math.sqrt(5 / 3) });
    expect(Number.isNaN(meanStd([7]).std)).toBe(true);
  });

  it('property: the mean lies within [min, max] and the std is invariant to a shift', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 8 }), fc.double({ min: -1e3, max: 1e3, noNaN: true }), (xs, c) => {
        const a = meanStd(xs);
        expect(a.mean).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-9);
        expect(a.mean).toBeLessThanOrEqual(Math.max(...xs) + 1e-9);
        expect(meanStd(xs.map((x) => x + c)).std).toBeCloseTo(a.std, 6);
      }),
    );
  });

  it('per grid point: seeds with results, missing seeds, failed runs left out', () => {
    const runs = [spec('a1', 'p=0.25', 1), spec('a2', 'p=0.25', 2), spec('b1', 'p=0.125', 1), spec('b2', 'p=0.125', 2)];
    const results = new Map<string, RunOutcome>([
      ['a1', done(runs[0], 0.8, 0.5)],
      ['a2', done(runs[1], 0.9, 0.3)],
      ['b1', done(runs[2], 0.7, 0.6)],
      ['b2', { ...done(runs[3], 0, 0), status: 'failed', metrics: {}, error: 'NaN' }],
    ]);
    const [a, b] = summarizePoints(runs, results, ['accuracy', 'loss']);
    expect(a).toMatchObject({ point: 'p=0.25', seeds: [1, 2], missing: [] });
    expect(a.mean.accuracy).toBeCloseTo(0.85, 12);
    expect(a.std.accuracy).toBeCloseTo(Math.sqrt(0.005), 12);
    expect(b).toMatchObject({ point: 'p=0.125', seeds: [1], missing: [2] });
    const table = gridTable([a, b], ['accuracy', 'loss']);
    expect(table.split('\n')[2]).toBe('| p=0.25 | 2 | 85.00% ± 7.07% | 0.4000 ± 0.1414 |');
    expect(table.split('\n')[3]).toBe('| p=0.125 | 1 (of 2) | 70.00% ± — | 0.6000 ± — |');
    expect(seedTable(a, ['accuracy']).split('\n').slice(2)).toEqual(['| 1 | `a1` | 10 | 80.00% |', '| 2 | `a2` | 10 | 90.00% |']);
  });
});
