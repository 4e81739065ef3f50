/**
 * Fast reading of the `mnist` package's `digits/<d>.json` (`{ "data": [0,0,0.2,0.624,…] }`, 784 values per
 * image, each pixel/255 rounded to 3 decimals) straight into bytes, without building a JS array of ~800k
 * numbers. Plain decimals are scanned by hand: `int + frac / 10^k` is the correctly rounded double, the
 * same one `JSON.parse` produces, so `round(v · 255)` matches the JSON.parse path exactly. Anything else
 * (an exponent, a sign, unexpected structure) falls back to `JSON.parse`.
 */
import { DataFormatError } from '../errors.js';

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const DOT = 46;
const COMMA = 44;
const CLOSE = 93;

/** Converts one value on 0..1 to its byte; −1 when it is outside 0..1. */
function toByte(v: number): number {
  return v >= 0 && v <= 1 ? Math.round(v * 255) : -1;
}

/** One pass over the bytes after the first `[`; null whenever the text is not a plain list of decimals. */
function scan(bytes: Uint8Array): Uint8Array | null {
  const open = bytes.indexOf(0x5b); // '['
  if (open < 0) return null;
  // Every value takes at least two bytes ("0,"), so this bounds the count.
  const out = new Uint8Array(Math.ceil(bytes.length / 2));
  let n = 0;
  let int = 0;
  let frac = 0;
  let scale = 1;
  let digits = 0;
  let inFraction = false;
  let ended = false; // a number was followed by white space
  for (let at = open + 1; at < bytes.length; at++) {
    const c = bytes[at];
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      if (ended) return null;
      if (inFraction) {
        if (scale >= 1e15) return null;
        frac = frac * 10 + (c - DIGIT_0);
        scale *= 10;
      } else {
        int = int * 10 + (c - DIGIT_0);
        digits++;
      }
    } else if (c === DOT) {
      if (inFraction || digits === 0 || ended) return null;
      inFraction = true;
    } else if (c === COMMA || c === CLOSE) {
      if (digits === 0) return c === CLOSE && n === 0 ? out.slice(0, 0) : null;
      if (inFraction && scale === 1) return null;
      const b = toByte(int + frac / scale);
      if (b < 0) return null;
      out[n++] = b;
      if (c === CLOSE) return out.slice(0, n);
      int = 0;
      frac = 0;
      scale = 1;
      digits = 0;
      inFraction = false;
      ended = false;
    } else if (c === 32 || c === 10 || c === 13 || c === 9) {
      if (digits > 0) ended = true;
    } else return null;
  }
  return null;
}

/**
 * The pixels (0..255) of one `digits/<d>.json` file.
 * @throws DataFormatError naming `source` when the JSON has no `data` array of numbers in 0..1.
 */
export function digitPixelsFromJson(bytes: Uint8Array, source: string): Uint8Array {
  const fast = scan(bytes);
  if (fast) return fast;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new DataFormatError(source, `is not valid JSON: ${(e as Error).message}`);
  }
  const data = typeof parsed === 'object' && parsed !== null ? (parsed as { data?: unknown }).data : undefined;
  if (!Array.isArray(data)) throw new DataFormatError(source, 'expected a JSON object with a "data" array');
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const b = typeof data[i] === 'number' ? toByte(data[i]) : -1;
    if (b < 0) throw new DataFormatError(source, `value ${i} is ${JSON.stringify(data[i])}, expected a number in 0..1`);
    out[i] = b;
  }
  return out;
}
