/**
 * A small NCF problem cut from a full one, for quick checks of a pipeline (CI-sized experiments): the
 * first `n` training positives in file order (NCF files list them user by user, so this is roughly the
 * first users' histories) and the test rows of the users those positives belong to. Item ids and the
 * id spaces are unchanged, so a model built for the full tables runs on it.
 */
import { type Interactions, selectInteractions } from './interactions.js';
import type { RankingTestSet } from './ranking-test-set.js';

export interface NcfSubset {
  readonly train: Interactions;
  readonly testSet: RankingTestSet;
}

/**
 * The first `n` positives of `train` and the rows of `testSet` whose user has at least one of them.
 * @throws RangeError when `n` is not a positive integer, or when no test row is left.
 */
export function ncfSubset(train: Interactions, testSet: RankingTestSet, n: number): NcfSubset {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`ncfSubset: n (training positives kept) must be a positive integer, got ${n}`);
  const kept = Math.min(n, train.n);
  const sub = selectInteractions(train, Int32Array.from({ length: kept }, (_, k) => k));
  const present = new Uint8Array(train.numUsers);
  for (let k = 0; k < kept; k++) present[sub.users[k]] = 1;
  const rows: number[] = [];
  for (let r = 0; r < testSet.users.length; r++) if (present[testSet.users[r]]) rows.push(r);
  if (rows.length === 0) throw new RangeError(`ncfSubset: none of the ${testSet.users.length} test users has one of the first ${kept} training positives`);
  const m = testSet.numNegatives;
  const negatives = new Int32Array(rows.length * m);
  for (const [at, r] of rows.entries()) negatives.set(testSet.negatives.subarray(r * m, (r + 1) * m), at * m);
  return {
    train: sub,
    testSet: {
      users: Int32Array.from(rows, (r) => testSet.users[r]),
      positives: Int32Array.from(rows, (r) => testSet.positives[r]),
      negatives,
      numNegatives: m,
    },
  };
}
