/**
 * What a data root holds (`gapkit data list`): for each known data set its folder, its files and
 * whether every file a complete download has is there; anything else in the root is listed as unknown.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataNotFoundError } from '../../errors.js';
import { DATASET_SOURCES, type DatasetSource } from '../download/sources.js';
import { filesUnder, type PresentFile } from './data-dir-files.js';

/** One known data set in a data root. */
export interface DatasetPresence {
  readonly source: DatasetSource;
  /** `<root>/<name>`. */
  readonly path: string;
  /**
   * `complete`: every file a full download has is present; `partial`: the folder lacks some (e.g. a
   * subset such as a 10,000-image training split); `absent`: no folder; `not-a-folder`: a file has the name.
   */
  readonly status: 'complete' | 'partial' | 'absent' | 'not-a-folder';
  /** Files present (empty unless the folder exists). */
  readonly files: readonly PresentFile[];
  /** Files a full download has that are not present (`expectFiles`). */
  readonly missing: readonly string[];
}

/** {@link listDataDir}'s answer. */
export interface DataDirListing {
  readonly root: string;
  readonly datasets: readonly DatasetPresence[];
  /** Other entries of the root (names, folders with a trailing `/`), e.g. checksum lists or unfinished downloads. */
  readonly other: readonly string[];
}

/**
 * Checks that a data root exists and is a folder.
 * @throws DataNotFoundError saying which, with the command that creates it.
 */
export function requireDataRoot(dir: string): string {
  const root = resolve(dir);
  const st = statSync(root, { throwIfNoEntry: false });
  if (st === undefined) {
    throw new DataNotFoundError(root, `data dir ${root} does not exist; run \`gapkit data download <name> --data-dir ${root}\` to create it`);
  }
  if (!st.isDirectory()) throw new DataNotFoundError(root, `data dir ${root} is a file, expected a folder holding one folder per data set`);
  return root;
}

/** Describes one known data set under `root`. */
export function datasetPresence(root: string, source: DatasetSource): DatasetPresence {
  const path = join(root, source.name);
  const st = statSync(path, { throwIfNoEntry: false });
  if (st === undefined) return { source, path, status: 'absent', files: [], missing: source.expectFiles };
  if (!st.isDirectory()) return { source, path, status: 'not-a-folder', files: [], missing: source.expectFiles };
  const files = filesUnder(path);
  const names = new Set(files.map((f) => f.path));
  const missing = source.expectFiles.filter((f) => !names.has(f));
  return { source, path, status: missing.length === 0 ? 'complete' : 'partial', files, missing };
}

/**
 * Lists every known data set (present or not) under the data root `dir`.
 * @throws DataNotFoundError when `dir` is missing or is a file.
 */
export function listDataDir(dir: string): DataDirListing {
  const root = requireDataRoot(dir);
  const datasets = Object.values(DATASET_SOURCES).map((s) => datasetPresence(root, s));
  const other = readdirSync(root, { withFileTypes: true })
    .filter((e) => !Object.hasOwn(DATASET_SOURCES, e.name))
    .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
    .sort();
  return { root, datasets, other };
}
