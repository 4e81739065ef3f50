/**
 * The line format shared by MovieLens `u.data` (tab, 1-based ids), MovieLens-1M `ratings.dat` (`::`,
 * 1-based) and the NCF `.rating` files (tab, 0-based): `user SEP item SEP rating SEP timestamp`.
 */
import { DataFormatError } from '../errors.js';
import { parseIntField, parseNumberField, textLines } from '../text/lines.js';
import type { Interactions } from './interactions.js';

/** How to read a ratings text file. */
export interface RatingsTextFormat {
  /** Field separator: `'\t'` or `'::'`. */
  readonly separator: string;
  /** Id of the first user/item in the file (1 for raw MovieLens, 0 for NCF); ids are stored 0-based. */
  readonly idBase: 0 | 1;
  /** Declared number of users: an id at or beyond it is an error naming the line. Default: max id + 1. */
  readonly numUsers?: number;
  /** Declared number of items, as for users. */
  readonly numItems?: number;
}

/**
 * Parses a ratings file into 0-based {@link Interactions}. Blank lines are allowed only at the end.
 * @throws DataFormatError naming `file` and the line for a wrong field count, a malformed number, or
 *   a user/item id outside the declared range.
 */
export function parseRatingsText(text: string, file: string, format: RatingsTextFormat): Interactions {
  const users: number[] = [];
  const items: number[] = [];
  const ratings: number[] = [];
  const timestamps: number[] = [];
  const sep = format.separator === '\t' ? 'tab' : `'${format.separator}'`;
  let blankAt = 0;
  for (const { number, text: line } of textLines(text)) {
    if (line.trim() === '') {
      if (blankAt === 0) blankAt = number;
      continue;
    }
    if (blankAt !== 0) throw new DataFormatError(file, 'blank line before the end of the file', blankAt);
    const fields = line.split(format.separator);
    if (fields.length !== 4) {
      throw new DataFormatError(file, `expected 4 ${sep}-separated fields (user, item, rating, timestamp), found ${fields.length}: '${clip(line)}'`, number);
    }
    const user = parseIntField(fields[0]);
    const item = parseIntField(fields[1]);
    const rating = parseNumberField(fields[2]);
    const time = parseIntField(fields[3]);
    if (Number.isNaN(user)) throw new DataFormatError(file, `user id '${fields[0]}' is not an integer`, number);
    if (Number.isNaN(item)) throw new DataFormatError(file, `item id '${fields[1]}' is not an integer`, number);
    if (Number.isNaN(rating)) throw new DataFormatError(file, `rating '${fields[2]}' is not a number`, number);
    if (Number.isNaN(time) || time < 0) throw new DataFormatError(file, `timestamp '${fields[3]}' is not a non-negative integer`, number);
    checkId(file, number, 'user', user, format.idBase, format.numUsers);
    checkId(file, number, 'item', item, format.idBase, format.numItems);
    users.push(user - format.idBase);
    items.push(item - format.idBase);
    ratings.push(rating);
    timestamps.push(time);
  }
  return {
    n: users.length,
    users: Int32Array.from(users),
    items: Int32Array.from(items),
    ratings: Float32Array.from(ratings),
    timestamps: Float64Array.from(timestamps),
    numUsers: format.numUsers ?? maxPlusOne(users),
    numItems: format.numItems ?? maxPlusOne(items),
  };
}

/**
 * Checks one id against `base..base+count-1` (or just `>= base` when `count` is undefined).
 * @throws DataFormatError naming the file and line.
 */
export function checkId(file: string, line: number, what: string, id: number, base: number, count: number | undefined): void {
  const max = count === undefined ? Number.POSITIVE_INFINITY : base + count - 1;
  if (id < base || id > max || id > 0x7fffffff) {
    const range = count === undefined ? `>= ${base}` : `${base}..${max}`;
    throw new DataFormatError(file, `${what} id ${id} is out of range (expected ${range})`, line);
  }
}

function maxPlusOne(ids: readonly number[]): number {
  let m = -1;
  for (const v of ids) if (v > m) m = v;
  return m + 1;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
