/**
 * Hit ratio and NDCG at K for one positive ranked among sampled negatives (NCF `evaluate.py`):
 * rank = number of candidates ranked above the positive (0 = top); HR@K = [rank < K];
 * NDCG@K = log 2 / log(rank + 2) when rank < K, else 0.
 *
 * Ties count against the positive: a negative with a score equal to the positive's is ranked above it.
 * This is what NCF's `heapq.nlargest` does (the positive is appended last and nlargest keeps the first of
 * equal items), and it keeps a constant scorer from reaching HR = 1.
 */

/**
 * Rank of the positive among the negatives (0-based), ties pessimistic.
 * @throws RangeError on a NaN score (a NaN would silently rank anywhere).
 */
export function rankOfPositive(positiveScore: number, negativeScores: ArrayLike<number>): number {
  if (Number.isNaN(positiveScore)) throw new RangeError('rankOfPositive: the positive score is NaN');
  let rank = 0;
  for (let j = 0; j < negativeScores.length; j++) {
    const s = negativeScores[j];
    if (Number.isNaN(s)) throw new RangeError(`rankOfPositive: negative score ${j} is NaN`);
    if (s >= positiveScore) rank++;
  }
  return rank;
}

/** HR@K for a 0-based rank: 1 if the positive is in the top K, else 0. */
export function hitAtK(rank: number, k: number): number {
  return rank < k ? 1 : 0;
}

/** NDCG@K for a 0-based rank with a single relevant item: log 2 / log(rank + 2) inside the top K. */
export function ndcgAtK(rank: number, k: number): number {
  return rank < k ? Math.LN2 / Math.log(rank + 2) : 0;
}
