/**
 * Calibration of the NCF leave-one-out protocol on the real ML-100k split (the LAWN reproduction's
 * sanity numbers): a scorer that knows nothing gets HR@10 = 10/100 on average, ranking by training
 * popularity gets 30.86 — with ties counted against the test item. Popularity has many ties (items with
 * the same count), so the tie rule matters: counted for the test item it would score higher.
 */
import { Rng } from '@gapkit/autodiff';
import { describe, expect, it } from 'vitest';
import { evaluateRanking } from '../src/index.js';
import { loadNcf } from '../src/node/index.js';
import { sharedPath } from './helpers/shared-data.js';

const ncfDir = sharedPath('movielens-100k/ncf');

describe.skipIf(ncfDir === null)('NCF protocol calibration on ML-100k (ties count against the test item)', () => {
  const s = ncfDir === null ? null : loadNcf(ncfDir, 'ml-100k');

  it('ranking by training popularity: HR@10 30.86 (291 of 943 users), ties against', () => {
    if (!s) throw new Error('unreachable: skipped without data');
    const pop = new Float64Array(s.numItems);
    for (let k = 0; k < s.train.n; k++) pop[s.train.items[k]]++;
    const r = evaluateRanking(s.testSet, (_, items) => Float64Array.from(items, (j) => pop[j]), 10);
    expect(Math.round(r.hitRate * 943)).toBe(291);
    expect(r.hitRate * 100).toBeCloseTo(30.86, 2);
    // the other tie rule (a tie goes to the test item) ranks it higher: the rule is visible here
    let optimistic = 0;
    for (let row = 0; row < s.testSet.users.length; row++) {
      const p = pop[s.testSet.positives[row]];
      let above = 0;
      for (let j = 0; j < 99; j++) if (pop[s.testSet.negatives[row * 99 + j]] > p) above++;
      optimistic += above < 10 ? 1 : 0;
    }
    expect(optimistic).toBeGreaterThan(291);
  });

  it('random scores: HR@10 ≈ 10.0 over 20 draws (mean within 1 point: binomial sd 0.98 / √20)', () => {
    if (!s) throw new Error('unreachable: skipped without data');
    const rng = new Rng(2026);
    let sum = 0;
    for (let t = 0; t < 20; t++) sum += evaluateRanking(s.testSet, (u) => Float64Array.from(u, () => rng.uniform()), 10).hitRate;
    expect(Math.abs((sum / 20) * 100 - 10)).toBeLessThan(1);
  });
});
