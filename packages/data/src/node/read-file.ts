/** Reading data files from disk, with gzip undone and missing files reported with the download to run. */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DataFormatError, DataNotFoundError } from '../errors.js';

/** The `gapkit data download` invocation that would create `dir` for data set `name`. */
export function downloadHint(name: string, dir: string): string {
  const abs = resolve(dir);
  const parent = dirname(abs);
  const where =
    basename(abs) === name ? `--data-dir ${parent}` : `--data-dir <root>  (it creates <root>/${name}; pass that folder here)`;
  return `run \`gapkit data download ${name} ${where}\``;
}

/**
 * Checks that a data set folder exists and is a folder.
 * @throws DataNotFoundError naming the folder and the `gapkit data download` command to run, or saying
 *   that the path is a file when it is one.
 */
export function requireDatasetDir(dir: string, name: string, title: string): string {
  const abs = resolve(dir);
  const stat = statSync(abs, { throwIfNoEntry: false });
  if (stat === undefined) {
    throw new DataNotFoundError(abs, `${title} not found: directory ${abs} does not exist; ${downloadHint(name, abs)}`);
  }
  if (!stat.isDirectory()) {
    throw new DataNotFoundError(abs, `${title} not found: ${abs} is a file, expected the data set folder; ${downloadHint(name, abs)}`);
  }
  return abs;
}

/**
 * Reads a file inside a data set folder.
 * @throws DataNotFoundError naming the file and the `gapkit data download` command when it is missing;
 *   DataFormatError naming it when it is a folder or cannot be read (permissions, I/O).
 */
export function readDataFile(path: string, datasetName: string): Uint8Array {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) {
    throw new DataNotFoundError(path, `missing data file ${path}; ${downloadHint(datasetName, dirname(path))}`);
  }
  if (stat.isDirectory()) throw new DataFormatError(path, `is a directory, expected a ${datasetName} data file`);
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new DataFormatError(path, `cannot be read: ${(e as Error).message}`);
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * Undoes gzip when the bytes start with the gzip magic 1f 8b; otherwise returns them unchanged.
 * @throws DataFormatError naming the file when the gzip stream is corrupt or truncated.
 */
export function gunzipIfCompressed(bytes: Uint8Array, file: string): Uint8Array {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    const out = gunzipSync(bytes);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (e) {
    throw new DataFormatError(file, `starts with the gzip magic 1f 8b but does not decompress: ${(e as Error).message}`);
  }
}

/** Reads a text file (UTF-8 by default; MovieLens `u.item` needs `'latin1'`). */
export function readDataText(path: string, datasetName: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  return Buffer.from(readDataFile(path, datasetName)).toString(encoding);
}
