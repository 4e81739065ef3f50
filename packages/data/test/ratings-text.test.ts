/** Ratings text formats (u.data, ratings.dat, NCF): ids, errors naming the line, u.info. */
import { describe, expect, it } from 'vitest';
import {
  compactItemIds,
  DataFormatError,
  parseMovieLens1mRatings,
  parseMovieLensInfo,
  parseMovieLensUData,
  parseNcfNegatives,
  parseNcfRatings,
} from '../src/index.js';

describe('parseMovieLensUData', () => {
  it('converts 1-based ids to 0-based and keeps rating and timestamp; CRLF and a final newline are fine', () => {
    const d = parseMovieLensUData('196\t242\t3\t881250949\r\n1\t1\t5\t874965758\r\n', 'u.data');
    expect(Array.from(d.users)).toEqual([195, 0]);
    expect(Array.from(d.items)).toEqual([241, 0]);
    expect(Array.from(d.ratings)).toEqual([3, 5]);
    expect(Array.from(d.timestamps)).toEqual([881250949, 874965758]);
    expect([d.numUsers, d.numItems]).toEqual([196, 242]);
  });

  it('an id of 0 (not 1-based) names the line', () => {
    expect(() => parseMovieLensUData('1\t1\t5\t1\n0\t3\t4\t2\n', 'u.data')).toThrow('u.data, line 2: user id 0 is out of range (expected >= 1)');
  });

  it('an id beyond the declared counts names the line', () => {
    expect(() => parseMovieLensUData('1\t1\t5\t1\n944\t3\t4\t2\n', 'u.data', { numUsers: 943, numItems: 1682 })).toThrow(
      'u.data, line 2: user id 944 is out of range (expected 1..943)',
    );
  });

  it('wrong field counts, non-numbers and blank lines in the middle name the line', () => {
    expect(() => parseMovieLensUData('1\t2\t3\n', 'f')).toThrow(/f, line 1: expected 4 tab-separated fields .* found 3/);
    expect(() => parseMovieLensUData('1\tx\t3\t4\n', 'f')).toThrow("f, line 1: item id 'x' is not an integer");
    expect(() => parseMovieLensUData('1\t2\t3\t4.5\n', 'f')).toThrow("f, line 1: timestamp '4.5' is not a non-negative integer");
    expect(() => parseMovieLensUData('1\t2\t3\t4\n\n1\t3\t3\t4\n', 'f')).toThrow(DataFormatError);
    expect(() => parseMovieLensUData('1\t2\t3\t4\n\n1\t3\t3\t4\n', 'f')).toThrow('f, line 2: blank line before the end of the file');
  });
});

describe('parseMovieLens1mRatings', () => {
  it("reads '::'-separated lines with ids bounded by the ML-1M README (6040 users, 3952 movies)", () => {
    const d = parseMovieLens1mRatings('1::1193::5::978300760\n6040::3952::1::956704887\n', 'ratings.dat');
    expect(Array.from(d.users)).toEqual([0, 6039]);
    expect([d.numUsers, d.numItems]).toEqual([6040, 3952]);
    expect(() => parseMovieLens1mRatings('1::3953::5::1\n', 'ratings.dat')).toThrow('ratings.dat, line 1: item id 3953 is out of range (expected 1..3952)');
    expect(() => parseMovieLens1mRatings('1\t2\t5\t1\n', 'ratings.dat')).toThrow(/line 1: expected 4 '::'-separated fields/);
  });

  it('compactItemIds renumbers used items densely in ascending order', () => {
    const d = parseMovieLens1mRatings('1::50::5::1\n2::7::3::2\n1::7::4::3\n', 'r');
    const { data, originalIds } = compactItemIds(d);
    expect(data.numItems).toBe(2);
    expect(Array.from(originalIds)).toEqual([6, 49]);
    expect(Array.from(data.items)).toEqual([1, 0, 0]);
  });
});

describe('u.info', () => {
  it('reads the three counts and rejects other lines', () => {
    expect(parseMovieLensInfo('943 users\n1682 items\n100000 ratings\n', 'u.info')).toEqual({ numUsers: 943, numItems: 1682, numRatings: 100000 });
    expect(() => parseMovieLensInfo('943 users\nmany items\n', 'u.info')).toThrow("u.info, line 2: expected '<count> users|items|ratings'");
    expect(() => parseMovieLensInfo('943 users\n1682 items\n', 'u.info')).toThrow("u.info: no '<count> ratings' line");
  });
});

describe('NCF files', () => {
  it('ratings are 0-based; a negative id names the line', () => {
    const d = parseNcfRatings('0\t32\t4\t978824330\n', 'a.train.rating');
    expect([d.users[0], d.items[0]]).toEqual([0, 32]);
    expect(() => parseNcfRatings('0\t1\t4\t1\n-1\t2\t3\t1\n', 'a.train.rating')).toThrow('a.train.rating, line 2: user id -1 is out of range (expected >= 0)');
  });

  it('negatives: the (user,item) head, same count on every line, ids in range', () => {
    const t = parseNcfNegatives('(0,25)\t1\t2\t3\n(1,133)\t4\t5\t6\n', 'n');
    expect(t.numNegatives).toBe(3);
    expect(Array.from(t.users)).toEqual([0, 1]);
    expect(Array.from(t.positives)).toEqual([25, 133]);
    expect(Array.from(t.negatives)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => parseNcfNegatives('(0,25)\t1\t2\n(1,3)\t4\n', 'n')).toThrow('n, line 2: expected 2 negatives (as on the first line), found 1');
    expect(() => parseNcfNegatives('0,25\t1\n', 'n')).toThrow("n, line 1: expected '(user,item)' as the first field");
    expect(() => parseNcfNegatives('(0,2)\t1\t9\n', 'n', { numItems: 5 })).toThrow('n, line 1: negative 2 item id 9 is out of range (expected 0..4)');
  });
});
