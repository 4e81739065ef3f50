/** Loading MovieLens folders (ML-100k `u.data`, ML-1M `ratings.dat`) and NCF-format splits. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataFormatError } from '../errors.js';
import type { Interactions } from '../recsys/interactions.js';
import { type MovieLensCounts, parseMovieLens1mRatings, parseMovieLensInfo, parseMovieLensUData } from '../recsys/movielens.js';
import { parseNcfNegatives, parseNcfRatings } from '../recsys/ncf-files.js';
import type { RankingTestSet } from '../recsys/ranking-test-set.js';
import { readDataText, requireDatasetDir } from './read-file.js';

/**
 * Loads ML-100k `u.data` (0-based ids). When `u.info` is present its user/item counts bound the ids, so
 * an out-of-range id is an error naming the line.
 * @throws DataNotFoundError with the download command; DataFormatError naming file and line.
 */
export function loadMovieLens100k(dir: string): Interactions {
  const root = requireDatasetDir(dir, 'movielens-100k', 'MovieLens-100k');
  const infoPath = join(root, 'u.info');
  let counts: MovieLensCounts | undefined;
  if (existsSync(infoPath)) {
    const info = parseMovieLensInfo(readDataText(infoPath, 'movielens-100k'), infoPath);
    counts = { numUsers: info.numUsers, numItems: info.numItems };
  }
  const path = join(root, 'u.data');
  return parseMovieLensUData(readDataText(path, 'movielens-100k'), path, counts);
}

/**
 * Loads ML-1M `ratings.dat` (0-based ids; item ids stay sparse, see `compactItemIds`).
 * @throws DataNotFoundError with the download command; DataFormatError naming file and line.
 */
export function loadMovieLens1m(dir: string): Interactions {
  const root = requireDatasetDir(dir, 'movielens-1m', 'MovieLens-1M');
  const path = join(root, 'ratings.dat');
  return parseMovieLens1mRatings(readDataText(path, 'movielens-1m'), path);
}

/** An NCF-format split: training interactions, one test rating per user, and the test negatives. */
export interface NcfSplit {
  readonly train: Interactions;
  readonly test: Interactions;
  readonly testSet: RankingTestSet;
  readonly numUsers: number;
  readonly numItems: number;
}

/**
 * Loads `<prefix>.train.rating`, `<prefix>.test.rating` and `<prefix>.test.negative` from `dir` (e.g.
 * `movielens-100k/ncf` with prefix `ml-100k`). numUsers/numItems = 1 + the largest id in any of the three
 * files; both rating sets use them. The negatives file must list the test ratings' (user, item) pairs in
 * the same order.
 * @throws DataNotFoundError; DataFormatError naming file and line.
 */
export function loadNcf(dir: string, prefix: string, datasetName = 'movielens-100k'): NcfSplit {
  const root = requireDatasetDir(dir, datasetName, `NCF files for ${prefix}`);
  const path = (ext: string): string => join(root, `${prefix}.${ext}`);
  const trainRaw = parseNcfRatings(readDataText(path('train.rating'), datasetName), path('train.rating'));
  const testRaw = parseNcfRatings(readDataText(path('test.rating'), datasetName), path('test.rating'));
  const testSet = parseNcfNegatives(readDataText(path('test.negative'), datasetName), path('test.negative'));
  let maxItem = Math.max(trainRaw.numItems, testRaw.numItems) - 1;
  for (const j of testSet.negatives) maxItem = Math.max(maxItem, j);
  const numUsers = Math.max(trainRaw.numUsers, testRaw.numUsers);
  const numItems = maxItem + 1;
  if (testSet.users.length !== testRaw.n) {
    throw new DataFormatError(path('test.negative'), `has ${testSet.users.length} lines but ${path('test.rating')} has ${testRaw.n} ratings`);
  }
  for (let r = 0; r < testRaw.n; r++) {
    if (testSet.users[r] !== testRaw.users[r] || testSet.positives[r] !== testRaw.items[r]) {
      throw new DataFormatError(
        path('test.negative'),
        `(${testSet.users[r]},${testSet.positives[r]}) does not match ${path('test.rating')} line ${r + 1} (${testRaw.users[r]},${testRaw.items[r]})`,
        r + 1,
      );
    }
  }
  return { train: { ...trainRaw, numUsers, numItems }, test: { ...testRaw, numUsers, numItems }, testSet, numUsers, numItems };
}
