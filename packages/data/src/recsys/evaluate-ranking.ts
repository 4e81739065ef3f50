/**
 * Evaluating a scorer on a {@link RankingTestSet} with HR@K and NDCG@K (NCF protocol: each user's
 * positive ranked among its 1 + numNegatives candidates).
 */
import type { RankingTestSet } from './ranking-test-set.js';
import { hitAtK, ndcgAtK, rankOfPositive } from './ranking-metrics.js';

/** Scores a batch of (user, item) pairs; higher means more likely to be interacted with. */
export type PairScorer = (users: Int32Array, items: Int32Array) => ArrayLike<number>;

/** Mean metrics and every row's rank. */
export interface RankingResult {
  readonly k: number;
  /** Mean HR@K over rows. */
  readonly hitRate: number;
  /** Mean NDCG@K over rows. */
  readonly ndcg: number;
  /** 0-based rank of each row's positive (ties pessimistic). */
  readonly ranks: Int32Array;
}

/**
 * Scores every row's positive and negatives (in batches of `rowsPerBatch` users) and averages HR@K and
 * NDCG@K. Candidate order per row passed to the scorer: positive first, then the negatives.
 */
export function evaluateRanking(set: RankingTestSet, score: PairScorer, k = 10, rowsPerBatch = 256): RankingResult {
  const rows = set.users.length;
  const per = set.numNegatives + 1;
  const ranks = new Int32Array(rows);
  let hits = 0;
  let ndcg = 0;
  for (let start = 0; start < rows; start += rowsPerBatch) {
    const end = Math.min(rows, start + rowsPerBatch);
    const users = new Int32Array((end - start) * per);
    const items = new Int32Array((end - start) * per);
    for (let r = start; r < end; r++) {
      const at = (r - start) * per;
      users.fill(set.users[r], at, at + per);
      items[at] = set.positives[r];
      items.set(set.negatives.subarray(r * set.numNegatives, (r + 1) * set.numNegatives), at + 1);
    }
    const raw = score(users, items);
    if (raw.length !== users.length) throw new RangeError(`evaluateRanking: scorer returned ${raw.length} scores for ${users.length} pairs`);
    const scores = Float64Array.from(raw);
    for (let r = start; r < end; r++) {
      const at = (r - start) * per;
      const rank = rankOfPositive(scores[at], scores.subarray(at + 1, at + per));
      ranks[r] = rank;
      hits += hitAtK(rank, k);
      ndcg += ndcgAtK(rank, k);
    }
  }
  return { k, hitRate: rows > 0 ? hits / rows : 0, ndcg: rows > 0 ? ndcg / rows : 0, ranks };
}
