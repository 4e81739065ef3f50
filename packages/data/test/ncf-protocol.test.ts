/**
 * The NCF protocol as properties: leave-one-out by latest timestamp, seeded negatives that are distinct
 * and never the user's items, k negatives per training positive, HR@K / NDCG@K.
 */
import { Rng } from '@gapkit/autodiff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRankingTestSet,
  evaluateRanking,
  hitAtK,
  type Interactions,
  leaveOneOut,
  ndcgAtK,
  rankOfPositive,
  sampleTestNegatives,
  trainingInstances,
  UserItemIndex,
} from '../src/index.js';

/** Random interactions with distinct (user, item) pairs and small timestamps (so ties happen). */
const interactionsArb = fc
  .record({ numUsers: fc.integer({ min: 1, max: 6 }), numItems: fc.integer({ min: 2, max: 40 }) })
  .chain(({ numUsers, numItems }) =>
    fc
      .uniqueArray(fc.tuple(fc.nat(numUsers - 1), fc.nat(numItems - 1), fc.nat(5)), {
        minLength: 1,
        maxLength: 60,
        selector: ([u, i]) => u * 1000 + i,
      })
      .map(
        (rows): Interactions => ({
          n: rows.length,
          users: Int32Array.from(rows, (r) => r[0]),
          items: Int32Array.from(rows, (r) => r[1]),
          ratings: Float32Array.from(rows, () => 1),
          timestamps: Float64Array.from(rows, (r) => r[2]),
          numUsers,
          numItems,
        }),
      ),
  );

const triples = (d: Interactions): string[] => Array.from({ length: d.n }, (_, k) => `${d.users[k]},${d.items[k]},${d.timestamps[k]}`).sort();

describe('leaveOneOut', () => {
  it('holds out, per user, the interaction with the largest (timestamp, item) and keeps everything else', () => {
    fc.assert(
      fc.property(interactionsArb, (data) => {
        const { train, test } = leaveOneOut(data);
        expect([...triples(train), ...triples(test)].sort()).toEqual(triples(data));
        const usersWithData = [...new Set(data.users)].sort((a, b) => a - b);
        expect(Array.from(test.users)).toEqual(usersWithData);
        for (let r = 0; r < test.n; r++) {
          for (let k = 0; k < train.n; k++) {
            if (train.users[k] !== test.users[r]) continue;
            const later = train.timestamps[k] > test.timestamps[r] || (train.timestamps[k] === test.timestamps[r] && train.items[k] > test.items[r]);
            expect(later).toBe(false);
          }
        }
        for (let k = 1; k < train.n; k++) {
          const a = [train.users[k - 1], train.timestamps[k - 1], train.items[k - 1]];
          const b = [train.users[k], train.timestamps[k], train.items[k]];
          expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))).toBe(true);
        }
      }),
    );
  });
});

describe('sampleTestNegatives', () => {
  it('gives each row k distinct items the user never interacted with, reproducibly from the seed', () => {
    fc.assert(
      fc.property(interactionsArb, fc.integer({ min: 1, max: 10 }), fc.integer(), (data, k, seed) => {
        const index = new UserItemIndex(data);
        const { test } = leaveOneOut(data);
        const feasible = Array.from(test.users).every((u) => data.numItems - index.count(u) >= k);
        if (!feasible) {
          expect(() => sampleTestNegatives(test, index, new Rng(seed), k)).toThrow(/items they never interacted with, cannot sample/);
          return;
        }
        const set = sampleTestNegatives(test, index, new Rng(seed), k);
        expect(set.negatives.length).toBe(test.n * k);
        expect(checkRankingTestSet(set, index)).toEqual([]);
        expect(Array.from(sampleTestNegatives(test, index, new Rng(seed), k).negatives)).toEqual(Array.from(set.negatives));
      }),
    );
  });

  it('refuses a bad numNegatives and an index over other id spaces, naming them', () => {
    const data: Interactions = {
      n: 1,
      users: Int32Array.of(0),
      items: Int32Array.of(1),
      ratings: Float32Array.of(1),
      timestamps: Float64Array.of(1),
      numUsers: 1,
      numItems: 10,
    };
    const index = new UserItemIndex(data);
    expect(() => sampleTestNegatives(data, index, new Rng(1), -1)).toThrow(/sampleTestNegatives: numNegatives must be a non-negative integer, got -1/);
    expect(() => sampleTestNegatives(data, index, new Rng(1), 2.5)).toThrow(/got 2.5/);
    expect(() => sampleTestNegatives({ ...data, numItems: 20 }, index, new Rng(1), 3)).toThrow(
      /test ids \(1 users × 20 items\) differ from the index's \(1 × 10\)/,
    );
  });

  it('checkRankingTestSet catches duplicates, the positive and interacted items (so the check above can fail)', () => {
    const data: Interactions = {
      n: 2,
      users: Int32Array.of(0, 0),
      items: Int32Array.of(1, 2),
      ratings: Float32Array.of(1, 1),
      timestamps: Float64Array.of(1, 2),
      numUsers: 1,
      numItems: 10,
    };
    const problems = checkRankingTestSet({ users: Int32Array.of(0), positives: Int32Array.of(2), negatives: Int32Array.of(5, 5, 2, 1), numNegatives: 4 }, new UserItemIndex(data));
    expect(problems.map((p) => p.problem)).toEqual(['negative 5 appears twice', 'negative 2 is the positive item', 'negative 1 is an item the user interacted with']);
  });

  for (const [path, numItems] of [
    ['rejection', 100],
    ['explicit-candidates', 20],
  ] as const) {
    it(`samples uniformly over the unseen items (${path} path)`, () => {
      // User 0 has items 0..9; k = 5 of the (numItems − 10) others per draw.
      const data: Interactions = {
        n: 10,
        users: new Int32Array(10),
        items: Int32Array.from({ length: 10 }, (_, i) => i),
        ratings: new Float32Array(10).fill(1),
        timestamps: Float64Array.from({ length: 10 }, (_, i) => i),
        numUsers: 1,
        numItems,
      };
      const index = new UserItemIndex(data);
      const test = { ...data, n: 1, users: Int32Array.of(0), items: Int32Array.of(9), ratings: Float32Array.of(1), timestamps: Float64Array.of(9) };
      const rng = new Rng(7);
      const counts = new Float64Array(numItems);
      const draws = 4000;
      for (let t = 0; t < draws; t++) for (const j of sampleTestNegatives(test, index, rng, 5).negatives) counts[j]++;
      const expected = (draws * 5) / (numItems - 10);
      const sd = Math.sqrt(expected * (1 - 5 / (numItems - 10)));
      for (let j = 0; j < 10; j++) expect(counts[j]).toBe(0);
      for (let j = 10; j < numItems; j++) expect(Math.abs(counts[j] - expected)).toBeLessThan(5 * sd);
    });
  }
});

describe('trainingInstances', () => {
  it('emits each positive then k negatives drawn outside the user’s training items', () => {
    fc.assert(
      fc.property(interactionsArb, fc.integer({ min: 0, max: 4 }), fc.integer(), (data, k, seed) => {
        const index = new UserItemIndex(data);
        const full = Array.from({ length: data.numUsers }, (_, u) => index.count(u) >= data.numItems).some((x) => x);
        if (full && k > 0) {
          expect(() => trainingInstances(data, k, new Rng(seed))).toThrow(/no negative to sample/);
          return;
        }
        const inst = trainingInstances(data, k, new Rng(seed));
        expect(inst.n).toBe(data.n * (1 + k));
        for (let p = 0; p < data.n; p++) {
          const at = p * (1 + k);
          expect([inst.users[at], inst.items[at], inst.labels[at]]).toEqual([data.users[p], data.items[p], 1]);
          for (let t = 1; t <= k; t++) {
            expect(inst.users[at + t]).toBe(data.users[p]);
            expect(inst.labels[at + t]).toBe(0);
            expect(index.has(data.users[p], inst.items[at + t])).toBe(false);
          }
        }
      }),
    );
  });
});

describe('HR@K and NDCG@K', () => {
  it('match the NCF formulas at hand-computed ranks', () => {
    expect([hitAtK(0, 10), ndcgAtK(0, 10)]).toEqual([1, 1]);
    expect(ndcgAtK(1, 10)).toBeCloseTo(1 / Math.log2(3), 12); // 0.6309
    expect(ndcgAtK(9, 10)).toBeCloseTo(1 / Math.log2(11), 12); // 0.2891
    expect([hitAtK(10, 10), ndcgAtK(10, 10)]).toEqual([0, 0]);
  });

  it('ties rank the positive below equal negatives (a constant scorer gets HR 0)', () => {
    expect(rankOfPositive(0.5, [0.1, 0.5, 0.9])).toBe(2);
    expect(rankOfPositive(1, new Array(99).fill(1))).toBe(99);
    expect(() => rankOfPositive(Number.NaN, [1])).toThrow(/NaN/);
  });

  it('rank equals the positive’s position when candidates are sorted by score, negatives first on ties (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 3 }), fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 30 }), (pos, negs) => {
        const sorted = [...negs.map((s) => ({ s, isPos: false })), { s: pos, isPos: true }].sort((a, b) => b.s - a.s || Number(a.isPos) - Number(b.isPos));
        expect(rankOfPositive(pos, negs)).toBe(sorted.findIndex((c) => c.isPos));
      }),
    );
  });

  it('evaluateRanking: a perfect scorer gets HR = NDCG = 1; a random scorer gets HR@10 ≈ 10/100', () => {
    const rows = 3000;
    const rng = new Rng(3);
    const set = {
      users: Int32Array.from({ length: rows }, (_, r) => r),
      positives: Int32Array.from({ length: rows }, () => 1000),
      negatives: Int32Array.from({ length: rows * 99 }, () => rng.int(1000)),
      numNegatives: 99,
    };
    const perfect = evaluateRanking(set, (_u, items) => Float32Array.from(items, (i) => (i === 1000 ? 1 : 0)));
    expect([perfect.hitRate, perfect.ndcg]).toEqual([1, 1]);
    const scoreRng = new Rng(4);
    const random = evaluateRanking(set, (u) => Float64Array.from(u, () => scoreRng.uniform()), 10, 100);
    // HR@10 of a random ranking is exactly 10/100; sd over 3000 rows is 0.0055.
    expect(Math.abs(random.hitRate - 0.1)).toBeLessThan(0.03);
    expect(random.ranks.length).toBe(rows);
  });
});
