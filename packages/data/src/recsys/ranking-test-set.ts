/**
 * The NCF evaluation set (He et al., "Neural Collaborative Filtering", WWW 2017): one held-out positive
 * item per user plus `numNegatives` (99) sampled items the user never interacted with; the positive is
 * ranked among the 1 + 99 candidates.
 */
import type { UserItemIndex } from './user-item-index.js';

/** One positive and `numNegatives` negatives per evaluated user. */
export interface RankingTestSet {
  /** Evaluated users, one row each. */
  readonly users: Int32Array;
  /** Held-out positive item of each row. */
  readonly positives: Int32Array;
  /** `users.length * numNegatives` items; row r's negatives are `negatives[r*numNegatives ..]`. */
  readonly negatives: Int32Array;
  readonly numNegatives: number;
}

/** A protocol violation found by {@link checkRankingTestSet}. */
export interface RankingTestSetProblem {
  readonly row: number;
  readonly user: number;
  readonly problem: string;
}

/**
 * Checks the protocol: within a row the negatives are distinct, none equals the positive, and none is an
 * item the user interacted with (`interacted` should index every interaction, train and test).
 * Returns every problem found (empty when the set is valid).
 */
export function checkRankingTestSet(set: RankingTestSet, interacted: UserItemIndex): RankingTestSetProblem[] {
  const problems: RankingTestSetProblem[] = [];
  const k = set.numNegatives;
  for (let r = 0; r < set.users.length; r++) {
    const u = set.users[r];
    const row = set.negatives.subarray(r * k, (r + 1) * k);
    const seen = new Set<number>();
    for (const j of row) {
      if (seen.has(j)) problems.push({ row: r, user: u, problem: `negative ${j} appears twice` });
      seen.add(j);
      if (j === set.positives[r]) problems.push({ row: r, user: u, problem: `negative ${j} is the positive item` });
      else if (interacted.has(u, j)) problems.push({ row: r, user: u, problem: `negative ${j} is an item the user interacted with` });
      if (j < 0 || j >= interacted.numItems) problems.push({ row: r, user: u, problem: `negative ${j} is outside 0..${interacted.numItems - 1}` });
    }
  }
  return problems;
}
