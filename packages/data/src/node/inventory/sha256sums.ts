/**
 * `SHA256SUMS` lists in the format of GNU `sha256sum` (`<64 hex digits>  <path>`, or ` *<path>` in
 * binary mode; `#` comments and blank lines ignored), paths relative to the list's folder with `/`.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataFormatError } from '../../errors.js';

/** The file name gapkit writes into each downloaded data set folder and looks for when verifying. */
export const SHA256SUMS_FILE = 'SHA256SUMS';

/** One line of a list: the absolute path it names and its lowercase digest. */
export interface ListedDigest {
  readonly path: string;
  readonly sha256: string;
  /** The list and line it came from, for reports. */
  readonly list: string;
  readonly line: number;
}

const LINE = /^([0-9a-fA-F]{64}) [ *](.+)$/;

/**
 * Parses `text` (the contents of `listPath`); each path is resolved against the list's folder.
 * @throws DataFormatError naming the list and line for a line that is not `<sha256>  <path>`.
 */
export function parseSha256Sums(text: string, listPath: string): ListedDigest[] {
  const base = dirname(listPath);
  const out: ListedDigest[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const m = LINE.exec(raw);
    if (!m) throw new DataFormatError(listPath, `expected '<64 hex digits>  <path>' (sha256sum format), got '${raw.slice(0, 80)}'`, i + 1);
    out.push({ path: resolve(base, m[2]), sha256: m[1].toLowerCase(), list: listPath, line: i + 1 });
  });
  return out;
}

/** Reads and parses a list file. @throws DataFormatError as {@link parseSha256Sums}, or when unreadable. */
export function readSha256Sums(listPath: string): ListedDigest[] {
  let text: string;
  try {
    text = readFileSync(listPath, 'utf8');
  } catch (e) {
    throw new DataFormatError(listPath, `cannot read the checksum list: ${(e as Error).message}`);
  }
  return parseSha256Sums(text, listPath);
}

/** Formats `[relativePath, sha256]` pairs as a list (sorted by path, LF, trailing newline). */
export function formatSha256Sums(entries: readonly (readonly [string, string])[]): string {
  return [...entries]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, sha]) => `${sha}  ${path}\n`)
    .join('');
}
