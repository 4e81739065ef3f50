/**
 * NCF leave-one-out split (He et al., "Neural Collaborative Filtering", WWW 2017, §4.1; docs/data.md#ncf-protocol): each user's latest interaction (largest timestamp; ties
 * broken by the larger item id) is held out for testing, everything else is training data.
 */
import type { Interactions } from './interactions.js';
import { selectInteractions } from './interactions.js';

/** Training interactions and one held-out interaction per user. */
export interface LeaveOneOutSplit {
  /** All but each user's latest interaction, sorted by user, then timestamp, then item. */
  readonly train: Interactions;
  /** One interaction per user who has any, in ascending user order. */
  readonly test: Interactions;
}

/**
 * Splits by latest timestamp per user. Users without interactions get no test row; a user with one
 * interaction has it in `test` and nothing in `train`.
 */
export function leaveOneOut(data: Interactions): LeaveOneOutSplit {
  const order = Array.from({ length: data.n }, (_, k) => k);
  order.sort(
    (a, b) =>
      data.users[a] - data.users[b] || data.timestamps[a] - data.timestamps[b] || data.items[a] - data.items[b] || a - b,
  );
  const trainOrder: number[] = [];
  const testOrder: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const last = k === order.length - 1 || data.users[order[k + 1]] !== data.users[order[k]];
    (last ? testOrder : trainOrder).push(order[k]);
  }
  return { train: selectInteractions(data, trainOrder), test: selectInteractions(data, testOrder) };
}
