/**
 * MovieLens-100k and its NCF split in the shared data folder's movielens-100k/, against docs/data.md#the-projects-real-test-data: counts,
 * rating histogram, id ranges; our leave-one-out reproduces the shipped split; the shipped negatives obey
 * the protocol, and so do negatives we sample.
 */
import { Rng } from '@gapkit/autodiff';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkRankingTestSet,
  countPerUser,
  type Interactions,
  leaveOneOut,
  sampleTestNegatives,
  UserItemIndex,
} from '../src/index.js';
import { loadMovieLens100k, loadNcf, type NcfSplit } from '../src/node/index.js';
import { sharedPath } from './helpers/shared-data.js';

const mlDir = sharedPath('movielens-100k');
const ncfDir = sharedPath('movielens-100k/ncf');

describe.skipIf(mlDir === null)('MovieLens-100k u.data', () => {
  let data: Interactions;
  beforeAll(() => {
    data = loadMovieLens100k(mlDir ?? '');
  });

  it('has 100,000 ratings by 943 users on 1,682 items, every item used (docs/data.md)', () => {
    expect([data.n, data.numUsers, data.numItems]).toEqual([100_000, 943, 1682]);
    const usedItems = new Set(data.items);
    expect(usedItems.size).toBe(1682);
    expect(new Set(data.users).size).toBe(943);
  });

  it('rating counts are 6,110 / 11,370 / 27,145 / 34,174 / 21,201 and timestamps span 874724710..893286638', () => {
    const hist = [0, 0, 0, 0, 0];
    for (const r of data.ratings) hist[r - 1]++;
    expect(hist).toEqual([6110, 11370, 27145, 34174, 21201]);
    expect(Math.min(...data.timestamps)).toBe(874724710);
    expect(Math.max(...data.timestamps)).toBe(893286638);
  });

  it('every user has at least 20 ratings and no (user, item) pair repeats', () => {
    expect(Math.min(...countPerUser(data))).toBeGreaterThanOrEqual(20);
    const pairs = new Set<number>();
    for (let k = 0; k < data.n; k++) pairs.add(data.users[k] * 2000 + data.items[k]);
    expect(pairs.size).toBe(100_000);
  });

  describe.skipIf(ncfDir === null)('NCF split (docs/data.md)', () => {
    let ncf: NcfSplit;
    let all: UserItemIndex;
    beforeAll(() => {
      ncf = loadNcf(ncfDir ?? '', 'ml-100k');
      all = new UserItemIndex(data);
    });

    it('has 99,057 training lines, 943 test lines (users 0..942 in order) and 99 negatives each', () => {
      expect([ncf.train.n, ncf.test.n, ncf.numUsers, ncf.numItems]).toEqual([99_057, 943, 943, 1682]);
      expect(Array.from(ncf.test.users)).toEqual(Array.from({ length: 943 }, (_, u) => u));
      expect(ncf.testSet.numNegatives).toBe(99);
      expect(ncf.testSet.negatives.length).toBe(943 * 99);
    });

    it('our leave-one-out of u.data reproduces ml-100k.test.rating and ml-100k.train.rating exactly', () => {
      const split = leaveOneOut(data);
      for (const key of ['users', 'items', 'ratings', 'timestamps'] as const) {
        expect(Array.from(split.test[key])).toEqual(Array.from(ncf.test[key]));
        expect(Array.from(split.train[key])).toEqual(Array.from(ncf.train[key]));
      }
    });

    it('the shipped negatives are distinct and never an item the user rated', () => {
      expect(checkRankingTestSet(ncf.testSet, all)).toEqual([]);
    });

    it('negatives we sample (seeded) obey the same protocol and differ by seed', () => {
      const { test } = leaveOneOut(data);
      const a = sampleTestNegatives(test, all, new Rng(2017));
      expect(checkRankingTestSet(a, all)).toEqual([]);
      expect(Array.from(sampleTestNegatives(test, all, new Rng(2017)).negatives)).toEqual(Array.from(a.negatives));
      expect(Array.from(sampleTestNegatives(test, all, new Rng(2018)).negatives)).not.toEqual(Array.from(a.negatives));
    });
  });
});
