/**
 * MovieLens raw rating files (GroupLens, https://grouplens.org/datasets/movielens/): ML-100k `u.data`
 * (`user\titem\trating\ttimestamp`, ids from 1) and ML-1M `ratings.dat` (`user::item::rating::timestamp`,
 * ids from 1). Ids are returned 0-based: user = MovieLens id − 1.
 */
import { DataFormatError } from '../errors.js';
import { parseIntField, textLines } from '../text/lines.js';
import type { Interactions } from './interactions.js';
import { parseRatingsText } from './ratings-text.js';

/** Declared sizes of a MovieLens release (from `u.info` for ML-100k, the README for ML-1M). */
export interface MovieLensCounts {
  readonly numUsers: number;
  readonly numItems: number;
}

/** ML-1M README: "UserIDs range between 1 and 6040", "MovieIDs range between 1 and 3952". */
export const MOVIELENS_1M_ID_RANGES: MovieLensCounts = { numUsers: 6040, numItems: 3952 };

/**
 * Parses ML-100k `u.data`. With `counts` (from `u.info`), an id beyond them is an error naming the line.
 * @throws DataFormatError naming the file and line.
 */
export function parseMovieLensUData(text: string, file: string, counts?: MovieLensCounts): Interactions {
  return parseRatingsText(text, file, { separator: '\t', idBase: 1, ...counts });
}

/**
 * Parses ML-1M `ratings.dat`. Item ids are sparse (3,706 of 1..3952 are used); see
 * {@link compactItemIds} for the dense numbering NCF used.
 * @throws DataFormatError naming the file and line.
 */
export function parseMovieLens1mRatings(text: string, file: string, counts: MovieLensCounts = MOVIELENS_1M_ID_RANGES): Interactions {
  return parseRatingsText(text, file, { separator: '::', idBase: 1, ...counts });
}

/**
 * Parses ML-100k `u.info` (`943 users`, `1682 items`, `100000 ratings`).
 * @throws DataFormatError when a count is missing.
 */
export function parseMovieLensInfo(text: string, file: string): MovieLensCounts & { numRatings: number } {
  const found = new Map<string, number>();
  for (const { number, text: line } of textLines(text)) {
    if (line.trim() === '') continue;
    const m = /^\s*(\S+)\s+(users|items|ratings)\s*$/.exec(line);
    const v = m ? parseIntField(m[1]) : Number.NaN;
    if (!m || Number.isNaN(v) || v < 0) throw new DataFormatError(file, `expected '<count> users|items|ratings', found '${line}'`, number);
    found.set(m[2], v);
  }
  for (const key of ['users', 'items', 'ratings']) {
    if (!found.has(key)) throw new DataFormatError(file, `no '<count> ${key}' line`);
  }
  return { numUsers: found.get('users')!, numItems: found.get('items')!, numRatings: found.get('ratings')! };
}

/**
 * Renumbers items densely (`0..k-1` in ascending order of the old id), dropping unused ids.
 * Returns the new interactions and `originalIds[newId] = oldId`.
 */
export function compactItemIds(data: Interactions): { data: Interactions; originalIds: Int32Array } {
  const used = new Uint8Array(data.numItems);
  for (let k = 0; k < data.n; k++) used[data.items[k]] = 1;
  const newId = new Int32Array(data.numItems).fill(-1);
  const originalIds: number[] = [];
  for (let i = 0; i < data.numItems; i++) {
    if (used[i]) {
      newId[i] = originalIds.length;
      originalIds.push(i);
    }
  }
  const items = new Int32Array(data.n);
  for (let k = 0; k < data.n; k++) items[k] = newId[data.items[k]];
  return { data: { ...data, items, numItems: originalIds.length }, originalIds: Int32Array.from(originalIds) };
}
