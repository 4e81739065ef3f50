/** ncfSubset: the first n training positives and exactly the test rows of their users, nothing else changed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Interactions, ncfSubset, type RankingTestSet } from '../src/index.js';

function problem(users: number[], numUsers: number, numItems: number): { train: Interactions; testSet: RankingTestSet } {
  const n = users.length;
  const train: Interactions = {
    n,
    users: Int32Array.from(users),
    items: Int32Array.from(users, (u, k) => (u + k) % numItems),
    ratings: new Float32Array(n).fill(1),
    timestamps: Float64Array.from(users, (_, k) => k),
    numUsers,
    numItems,
  };
  const rowsUsers = Int32Array.from({ length: numUsers }, (_, u) => u);
  const testSet: RankingTestSet = {
    users: rowsUsers,
    positives: Int32Array.from(rowsUsers, (u) => u % numItems),
    negatives: Int32Array.from({ length: numUsers * 2 }, (_, k) => (k * 7) % numItems),
    numNegatives: 2,
  };
  return { train, testSet };
}

describe('ncfSubset', () => {
  it('keeps the first n positives and the test rows of their users, with their own negatives', () => {
    const { train, testSet } = problem([0, 0, 2, 2, 2, 1, 3], 4, 9);
    const s = ncfSubset(train, testSet, 4);
    expect(Array.from(s.train.users)).toEqual([0, 0, 2, 2]);
    expect(Array.from(s.train.items)).toEqual(Array.from(train.items.subarray(0, 4)));
    expect([s.train.numUsers, s.train.numItems]).toEqual([4, 9]);
    expect(Array.from(s.testSet.users)).toEqual([0, 2]);
    expect(Array.from(s.testSet.negatives)).toEqual([...testSet.negatives.subarray(0, 2), ...testSet.negatives.subarray(4, 6)]);
  });

  it('every kept test row belongs to a user with a kept positive, and every such user keeps its row (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 50 }), (users, n) => {
        const { train, testSet } = problem(users, 6, 11);
        const s = ncfSubset(train, testSet, n);
        const kept = new Set(users.slice(0, n));
        expect(s.train.n).toBe(Math.min(n, users.length));
        expect(new Set(s.testSet.users)).toEqual(kept);
        expect(s.testSet.negatives.length).toBe(s.testSet.users.length * 2);
      }),
    );
  });

  it('rejects a bad n, naming it', () => {
    const { train, testSet } = problem([0, 1], 2, 3);
    expect(() => ncfSubset(train, testSet, 0)).toThrow(/n \(training positives kept\) must be a positive integer, got 0/);
    expect(() => ncfSubset(train, testSet, 1.5)).toThrow(/got 1.5/);
  });
});
