/**
 * Which items each user has interacted with, in compressed sparse rows: user u's items are
 * `items[offsets[u] .. offsets[u+1])`, sorted ascending and deduplicated. Membership is a binary search,
 * so the index stays small for any catalogue size.
 */
import type { Interactions } from './interactions.js';

/** Per-user sorted item lists (CSR). */
export class UserItemIndex {
  readonly numUsers: number;
  readonly numItems: number;
  /** `numUsers + 1` offsets into `items`. */
  readonly offsets: Int32Array;
  /** All users' item ids, each user's run sorted ascending without duplicates. */
  readonly items: Int32Array;

  /** Builds the index from one or more interaction sets over the same id spaces. */
  constructor(...sources: Interactions[]) {
    if (sources.length === 0) throw new Error('UserItemIndex: needs at least one interaction set');
    const { numUsers, numItems } = sources[0];
    for (const s of sources) {
      if (s.numUsers !== numUsers || s.numItems !== numItems) {
        throw new Error(`UserItemIndex: id spaces differ (${s.numUsers}×${s.numItems} vs ${numUsers}×${numItems})`);
      }
    }
    this.numUsers = numUsers;
    this.numItems = numItems;
    const counts = new Int32Array(numUsers + 1);
    for (const s of sources) for (let k = 0; k < s.n; k++) counts[s.users[k] + 1]++;
    for (let u = 0; u < numUsers; u++) counts[u + 1] += counts[u];
    const fill = counts.slice(0, numUsers);
    const raw = new Int32Array(counts[numUsers]);
    for (const s of sources) for (let k = 0; k < s.n; k++) raw[fill[s.users[k]]++] = s.items[k];
    const offsets = new Int32Array(numUsers + 1);
    const items: number[] = [];
    for (let u = 0; u < numUsers; u++) {
      const run = raw.subarray(counts[u], counts[u + 1]).sort();
      for (let i = 0; i < run.length; i++) if (i === 0 || run[i] !== run[i - 1]) items.push(run[i]);
      offsets[u + 1] = items.length;
    }
    this.offsets = offsets;
    this.items = Int32Array.from(items);
  }

  /** Number of distinct items of user `u`. */
  count(u: number): number {
    return this.offsets[u + 1] - this.offsets[u];
  }

  /** User `u`'s items, sorted ascending (a view, do not modify). */
  itemsOf(u: number): Int32Array {
    return this.items.subarray(this.offsets[u], this.offsets[u + 1]);
  }

  /** Whether user `u` has interacted with item `i`. */
  has(u: number, i: number): boolean {
    let lo = this.offsets[u];
    let hi = this.offsets[u + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.items[mid];
      if (v === i) return true;
      if (v < i) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}
