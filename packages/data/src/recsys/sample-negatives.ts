/**
 * Sampling the NCF evaluation negatives: for each held-out positive, `numNegatives` (99) distinct items
 * the user never interacted with — in training or test — drawn uniformly without replacement with a seeded
 * {@link Rng}. (NCF's `Data/*.test.negative` files were produced this way; LAWN §4 uses the same protocol; docs/data.md#ncf-protocol.)
 */
import type { Rng } from '@gapkit/autodiff';
import type { Interactions } from './interactions.js';
import type { RankingTestSet } from './ranking-test-set.js';
import { UserItemIndex } from './user-item-index.js';

/**
 * Builds the ranking test set for `test` (one positive per row). `interacted` must index every
 * interaction of every user (e.g. `new UserItemIndex(train, test)`); negatives are never among them.
 * @throws RangeError when a user has fewer than `numNegatives` items left to sample from, when
 *   `numNegatives` is not a non-negative integer, or when `test` and the index number ids differently.
 */
export function sampleTestNegatives(test: Interactions, interacted: UserItemIndex, rng: Rng, numNegatives = 99): RankingTestSet {
  if (!Number.isInteger(numNegatives) || numNegatives < 0) {
    throw new RangeError(`sampleTestNegatives: numNegatives must be a non-negative integer, got ${numNegatives}`);
  }
  if (test.numUsers !== interacted.numUsers || test.numItems !== interacted.numItems) {
    throw new RangeError(
      `sampleTestNegatives: test ids (${test.numUsers} users × ${test.numItems} items) differ from the index's ` +
        `(${interacted.numUsers} × ${interacted.numItems}); build the index from interactions over the same id spaces`,
    );
  }
  const negatives = new Int32Array(test.n * numNegatives);
  for (let r = 0; r < test.n; r++) {
    const u = test.users[r];
    const row = negatives.subarray(r * numNegatives, (r + 1) * numNegatives);
    sampleUnseen(u, interacted, rng, row);
  }
  return { users: test.users.slice(), positives: test.items.slice(), negatives, numNegatives };
}

/** Convenience: index `all` (every interaction) and sample negatives for `test`. */
export function sampleTestNegativesFrom(all: Interactions, test: Interactions, rng: Rng, numNegatives = 99): RankingTestSet {
  return sampleTestNegatives(test, new UserItemIndex(all, test), rng, numNegatives);
}

/**
 * Fills `out` with distinct items user `u` has not interacted with, uniformly without replacement.
 * Uses rejection sampling while unseen items are plentiful, otherwise a partial Fisher–Yates shuffle of
 * the explicit candidate list.
 */
function sampleUnseen(u: number, interacted: UserItemIndex, rng: Rng, out: Int32Array): void {
  const available = interacted.numItems - interacted.count(u);
  const k = out.length;
  if (available < k) {
    throw new RangeError(`user ${u} has only ${available} items they never interacted with, cannot sample ${k} negatives`);
  }
  if (available >= 4 * k) {
    const chosen = new Set<number>();
    let filled = 0;
    while (filled < k) {
      const j = rng.int(interacted.numItems);
      if (chosen.has(j) || interacted.has(u, j)) continue;
      chosen.add(j);
      out[filled++] = j;
    }
    return;
  }
  const candidates = new Int32Array(available);
  let c = 0;
  for (let j = 0; j < interacted.numItems; j++) if (!interacted.has(u, j)) candidates[c++] = j;
  for (let i = 0; i < k; i++) {
    const pick = i + rng.int(available - i);
    const tmp = candidates[i];
    candidates[i] = candidates[pick];
    candidates[pick] = tmp;
    out[i] = candidates[i];
  }
}
