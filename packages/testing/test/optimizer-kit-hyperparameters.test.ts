/**
 * The kit's registry-driven hyperparameters and group partitions: every drawn value lies in its
 * documented range or choices, overrides and omissions are honoured, and partitions are partitions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupPartitionArb, type HyperParameterLike, hyperparametersArb, partitionBy } from '../src/index.js';

const INF = Number.POSITIVE_INFINITY;
const table: HyperParameterLike[] = [
  { kind: 'number', key: 'lr', min: { value: 0 }, max: { value: INF, open: true }, default: 0.1 },
  { kind: 'number', key: 'beta1', min: { value: 0 }, max: { value: 1, open: true }, default: 0.9 },
  { kind: 'number', key: 'gamma', min: { value: 0, open: true }, max: { value: INF, open: true }, default: 1e-3 },
  { kind: 'number', key: 'p', min: { value: 0 }, max: { value: 0.5 }, default: 0.125 },
  { kind: 'number', key: 'freeSteps', min: { value: 0 }, max: { value: INF, open: true }, integer: true },
  { kind: 'boolean', key: 'amsgrad', default: true },
  { kind: 'choice', key: 'biasCorrection', choices: ['code', 'none', 'consistent'], default: 'code' },
  { kind: 'text', key: 'onlyTag' },
];

function inRange(h: HyperParameterLike, x: unknown): boolean {
  if (h.kind === 'boolean') return typeof x === 'boolean';
  if (h.kind === 'choice') return typeof x === 'string' && h.choices.includes(x);
  if (h.kind !== 'number' || typeof x !== 'number' || Number.isNaN(x)) return false;
  const okLo = h.min.open ? x > h.min.value : x >= h.min.value;
  const okHi = h.max.open ? x < h.max.value : x <= h.max.value;
  return okLo && okHi && (!h.integer || Number.isInteger(x));
}

describe('hyperparametersArb', () => {
  it('draws every number, boolean and choice inside its documented range; text only when overridden', () => {
    fc.assert(
      fc.property(hyperparametersArb(table), (o) => {
        expect(Object.keys(o)).toEqual(['lr', 'beta1', 'gamma', 'p', 'freeSteps', 'amsgrad', 'biasCorrection']);
        for (const h of table) if (h.key in o) expect(inRange(h, o[h.key]), `${h.key} = ${String(o[h.key])}`).toBe(true);
      }),
    );
  });

  it('reaches the closed ends of a range (p = 0 and p = ½, β₁ = 0) and never an open one', () => {
    const seen = fc.sample(hyperparametersArb(table), { numRuns: 400, seed: 7 });
    const ps = new Set(seen.map((o) => o.p));
    expect(ps.has(0) && ps.has(0.5)).toBe(true);
    expect(seen.some((o) => o.beta1 === 0)).toBe(true);
    expect(seen.some((o) => o.beta1 === 1 || o.gamma === 0)).toBe(false);
  });

  it('keeps unbounded ranges finite, below max(10·default, 1) unless told otherwise', () => {
    fc.assert(
      fc.property(hyperparametersArb(table), (o) => {
        expect(o.lr).toBeLessThanOrEqual(1);
        expect(o.gamma).toBeLessThanOrEqual(1);
      }),
    );
    const wide = fc.sample(hyperparametersArb(table, { unboundedMax: () => 1000 }), { numRuns: 200, seed: 3 });
    expect(wide.some((o) => typeof o.lr === 'number' && o.lr > 1)).toBe(true);
  });

  it('applies overrides (values and arbitraries) and omissions', () => {
    const arb = hyperparametersArb(table, { overrides: { p: 0, onlyTag: fc.constantFrom('a', 'b') }, omit: ['amsgrad'] });
    fc.assert(
      fc.property(arb, (o) => {
        expect(o.p).toBe(0);
        expect(['a', 'b']).toContain(o.onlyTag);
        expect('amsgrad' in o).toBe(false);
      }),
    );
  });

  it('refuses an override or omission that names no hyperparameter, naming the key', () => {
    expect(() => hyperparametersArb(table, { overrides: { lrr: 1 } })).toThrow(/'lrr' is not in the table/);
    expect(() => hyperparametersArb(table, { omit: ['momentum'] })).toThrow(/'momentum' is not in the table/);
  });
});

describe('groupPartitionArb / partitionBy', () => {
  it('splits items into non-empty groups numbered by first appearance, keeping every item once', () => {
    const arb = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), groupPartitionArb(n, 3)));
    fc.assert(
      fc.property(arb, ([n, assignment]) => {
        const items = Array.from({ length: n }, (_, i) => i);
        const groups = partitionBy(items, assignment);
        expect(groups.every((g) => g.length > 0)).toBe(true);
        expect(groups.length).toBeLessThanOrEqual(3);
        expect(groups.flat().sort((a, b) => a - b)).toEqual(items);
        expect(assignment[0]).toBe(0);
        for (let i = 1; i < n; i++) expect(assignment[i]).toBeLessThanOrEqual(Math.max(...assignment.slice(0, i)) + 1);
      }),
    );
  });

  it('refuses a mismatched assignment', () => {
    expect(() => partitionBy([1, 2], [0])).toThrow(/1 group indices for 2 items/);
    expect(() => groupPartitionArb(0)).toThrow(/count must be an integer ≥ 1, got 0/);
  });
});
