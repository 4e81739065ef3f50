/**
 * NCF training instances (He et al. 2017 `get_train_instances`): every training positive (label 1)
 * followed by `numNegatives` items (label 0) drawn uniformly from the items the user has no training
 * interaction with, re-drawn every epoch with the seeded {@link Rng}. As in the reference code, the
 * negatives of one positive are drawn with replacement and may include the user's held-out test item
 * (the model must not be told which item that is).
 */
import type { Rng } from '@gapkit/autodiff';
import type { Interactions } from './interactions.js';
import { UserItemIndex } from './user-item-index.js';

/** Pointwise training examples: `users[k]`, `items[k]`, `labels[k]` ∈ {0, 1}. */
export interface TrainingInstances {
  readonly n: number;
  readonly users: Int32Array;
  readonly items: Int32Array;
  readonly labels: Float32Array;
}

/**
 * Builds `train.n * (1 + numNegatives)` instances: for each positive in `train` order, the positive then
 * its negatives. Pass a prebuilt `index` of `train` to avoid rebuilding it every epoch.
 * @throws RangeError when a user has interacted with every item (no negative exists).
 */
export function trainingInstances(
  train: Interactions,
  numNegatives: number,
  rng: Rng,
  index: UserItemIndex = new UserItemIndex(train),
): TrainingInstances {
  if (!Number.isInteger(numNegatives) || numNegatives < 0) throw new RangeError(`numNegatives must be a non-negative integer, got ${numNegatives}`);
  const n = train.n * (1 + numNegatives);
  const users = new Int32Array(n);
  const items = new Int32Array(n);
  const labels = new Float32Array(n);
  let at = 0;
  for (let k = 0; k < train.n; k++) {
    const u = train.users[k];
    users[at] = u;
    items[at] = train.items[k];
    labels[at++] = 1;
    if (numNegatives > 0 && index.count(u) >= train.numItems) {
      throw new RangeError(`user ${u} has interacted with all ${train.numItems} items; no negative to sample`);
    }
    for (let t = 0; t < numNegatives; t++) {
      let j = rng.int(train.numItems);
      while (index.has(u, j)) j = rng.int(train.numItems);
      users[at] = u;
      items[at] = j;
      labels[at++] = 0;
    }
  }
  return { n, users, items, labels };
}
