/**
 * The NCF data files of He et al. (GitHub hexiangnan/neural_collaborative_filtering, `Data/`), 0-based ids:
 * - `<name>.train.rating` / `<name>.test.rating`: `user\titem\trating\ttimestamp`;
 * - `<name>.test.negative`: `(user,item)\tneg_1\t…\tneg_99`, one line per test rating, same order.
 */
import { DataFormatError } from '../errors.js';
import { parseIntField, textLines } from '../text/lines.js';
import type { Interactions } from './interactions.js';
import type { RankingTestSet } from './ranking-test-set.js';
import { checkId, parseRatingsText } from './ratings-text.js';

/** Optional declared id ranges; an id outside them is an error naming the line. */
export interface NcfIdRanges {
  readonly numUsers?: number;
  readonly numItems?: number;
}

/**
 * Parses an NCF `.rating` file (train or test).
 * @throws DataFormatError naming the file and line.
 */
export function parseNcfRatings(text: string, file: string, ranges: NcfIdRanges = {}): Interactions {
  return parseRatingsText(text, file, { separator: '\t', idBase: 0, ...ranges });
}

/**
 * Parses an NCF `.test.negative` file. Every line must have the same number of negatives.
 * @throws DataFormatError naming the file and line for a malformed `(user,item)` head, a bad id or a
 *   differing negative count.
 */
export function parseNcfNegatives(text: string, file: string, ranges: NcfIdRanges = {}): RankingTestSet {
  const users: number[] = [];
  const positives: number[] = [];
  const negatives: number[] = [];
  let numNegatives = -1;
  for (const { number, text: line } of textLines(text)) {
    if (line.trim() === '') continue;
    const fields = line.split('\t');
    const head = /^\((\d+),(\d+)\)$/.exec(fields[0]);
    if (!head) throw new DataFormatError(file, `expected '(user,item)' as the first field, found '${fields[0].slice(0, 40)}'`, number);
    const count = fields.length - 1;
    if (numNegatives < 0) numNegatives = count;
    else if (count !== numNegatives) {
      throw new DataFormatError(file, `expected ${numNegatives} negatives (as on the first line), found ${count}`, number);
    }
    const user = Number(head[1]);
    const item = Number(head[2]);
    checkId(file, number, 'user', user, 0, ranges.numUsers);
    checkId(file, number, 'item', item, 0, ranges.numItems);
    users.push(user);
    positives.push(item);
    for (let f = 1; f < fields.length; f++) {
      const j = parseIntField(fields[f]);
      if (Number.isNaN(j)) throw new DataFormatError(file, `negative ${f} '${fields[f]}' is not an integer`, number);
      checkId(file, number, `negative ${f} item`, j, 0, ranges.numItems);
      negatives.push(j);
    }
  }
  return {
    users: Int32Array.from(users),
    positives: Int32Array.from(positives),
    negatives: Int32Array.from(negatives),
    numNegatives: Math.max(numNegatives, 0),
  };
}
