/**
 * The in-memory form of user–item feedback shared by the MovieLens loaders, the NCF files, the
 * synthetic generator and the NCF protocol: parallel typed arrays, one entry per interaction, with
 * 0-based dense ids (`users[k] < numUsers`, `items[k] < numItems`).
 */

/** User–item interactions (explicit ratings or implicit feedback) as parallel arrays. */
export interface Interactions {
  /** Number of interactions (length of every array). */
  readonly n: number;
  readonly users: Int32Array;
  readonly items: Int32Array;
  /** Rating of each interaction (1..5 for MovieLens; 1 for implicit feedback). */
  readonly ratings: Float32Array;
  /** Unix seconds (MovieLens) or any increasing clock; used by leave-one-out. */
  readonly timestamps: Float64Array;
  /** Ids run over `0..numUsers-1` and `0..numItems-1`; some ids may have no interaction. */
  readonly numUsers: number;
  readonly numItems: number;
}

/** Picks the interactions at `order` (in that order) into new arrays with the same id spaces. */
export function selectInteractions(src: Interactions, order: ArrayLike<number>): Interactions {
  const n = order.length;
  const out = {
    n,
    users: new Int32Array(n),
    items: new Int32Array(n),
    ratings: new Float32Array(n),
    timestamps: new Float64Array(n),
    numUsers: src.numUsers,
    numItems: src.numItems,
  };
  for (let k = 0; k < n; k++) {
    const j = order[k];
    out.users[k] = src.users[j];
    out.items[k] = src.items[j];
    out.ratings[k] = src.ratings[j];
    out.timestamps[k] = src.timestamps[j];
  }
  return out;
}

/** Number of interactions per user (entry u counts user u). */
export function countPerUser(data: Interactions): Int32Array {
  const counts = new Int32Array(data.numUsers);
  for (let k = 0; k < data.n; k++) counts[data.users[k]]++;
  return counts;
}
