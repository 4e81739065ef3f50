/** The seeded synthetic recommender: shape, determinism, sampling law, and recoverable latent structure. */
import { Rng } from '@gapkit/autodiff';
import { describe, expect, it } from 'vitest';
import {
  checkRankingTestSet,
  countPerUser,
  evaluateRanking,
  leaveOneOut,
  sampleTestNegativesFrom,
  syntheticImplicit,
  syntheticPreference,
  trainingInstances,
  UserItemIndex,
} from '../src/index.js';

describe('syntheticImplicit', () => {
  const truth = syntheticImplicit(new Rng(1));
  const data = truth.interactions;

  it('has the MovieLens/NCF in-memory form: ids in range, ratings 1, 20..60 distinct items per user', () => {
    expect([data.numUsers, data.numItems]).toEqual([300, 500]);
    for (const a of [data.users, data.items]) expect(a).toBeInstanceOf(Int32Array);
    expect(data.ratings.every((r) => r === 1)).toBe(true);
    const counts = countPerUser(data);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...counts)).toBeLessThanOrEqual(60);
    expect(new UserItemIndex(data).items.length).toBe(data.n); // no repeated (user, item)
    for (let k = 0; k < data.n; k++) expect(data.items[k]).toBeLessThan(500);
  });

  it('is a pure function of the seed', () => {
    const again = syntheticImplicit(new Rng(1)).interactions;
    expect(Array.from(again.items)).toEqual(Array.from(data.items));
    expect(Array.from(again.timestamps)).toEqual(Array.from(data.timestamps));
    expect(Array.from(syntheticImplicit(new Rng(2)).interactions.items)).not.toEqual(Array.from(data.items));
  });

  it('with no latent term and no popularity, every item is equally likely', () => {
    const flat = syntheticImplicit(new Rng(5), { numUsers: 2000, numItems: 50, minPerUser: 10, maxPerUser: 10, sharpness: 0, popularity: 0 });
    const counts = new Float64Array(50);
    for (const i of flat.interactions.items) counts[i]++;
    // 20,000 draws, 10 of 50 items per user: expected 400 per item, sd √(400·0.8) ≈ 17.9.
    for (const c of counts) expect(Math.abs(c - 400)).toBeLessThan(5 * 17.9);
  });

  it('more popular items (larger bias) are chosen more often when the latent term is off', () => {
    const pop = syntheticImplicit(new Rng(6), { numUsers: 500, numItems: 100, sharpness: 0, popularity: 1 });
    const counts = new Float64Array(100);
    for (const i of pop.interactions.items) counts[i]++;
    const byBias = Array.from({ length: 100 }, (_, i) => i).sort((a, b) => pop.itemBias[a] - pop.itemBias[b]);
    const sum = (ids: number[]): number => ids.reduce((s, i) => s + counts[i], 0);
    expect(sum(byBias.slice(90))).toBeGreaterThan(2 * sum(byBias.slice(0, 10)));
  });

  it('runs through the NCF protocol unchanged, and the true preference beats popularity and chance', () => {
    const { train, test } = leaveOneOut(data);
    const set = sampleTestNegativesFrom(data, test, new Rng(2));
    expect(checkRankingTestSet(set, new UserItemIndex(data))).toEqual([]);
    expect(trainingInstances(train, 4, new Rng(3)).n).toBe(train.n * 5);
    const oracle = evaluateRanking(set, (u, i) => Float64Array.from(u, (user, k) => syntheticPreference(truth, user, i[k])));
    const popularity = evaluateRanking(set, (_u, i) => Float64Array.from(i, (item) => truth.itemBias[item]));
    // Chance is HR@10 = 0.1 (sd 0.017 over 300 users); the generating logits must do far better than
    // chance and than any user-independent ranking.
    expect(oracle.hitRate).toBeGreaterThan(0.4);
    expect(oracle.hitRate).toBeGreaterThan(popularity.hitRate + 0.2);
  });

  it('rejects impossible sizes', () => {
    expect(() => syntheticImplicit(new Rng(1), { numItems: 10, maxPerUser: 20 })).toThrow(/minPerUser ≤ maxPerUser ≤ numItems/);
    expect(() => syntheticImplicit(new Rng(1), { rank: 0 })).toThrow(/rank must be a positive integer/);
  });
});
