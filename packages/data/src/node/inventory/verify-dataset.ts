/**
 * `gapkit data verify`: the digest of each file present in a data set folder against the checksums
 * known for it. Two kinds of source, in this order:
 * 1. SHA-256 lists that describe this copy: `<folder>/SHA256SUMS` (gapkit writes it after each
 *    verified download), `<root>/SHA256SUMS` (paths like `cifar10/test_batch.bin`), and lists given
 *    explicitly. A list wins for the files it names; a file it names that is absent is `missing`.
 * 2. The publishers' checksums of the downloadable files (`sources.ts`), for a file present under that
 *    name (e.g. MNIST's `.gz` files, or an archive kept in the folder) that no list names.
 * A file no source covers is `unchecked`. The lists themselves are not hashed.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { DatasetSource } from '../download/sources.js';
import { requireDatasetDir } from '../read-file.js';
import { filesUnder } from './data-dir-files.js';
import { hashFile } from './hash-file.js';
import { requireDataRoot } from './list-data-dir.js';
import { type ListedDigest, readSha256Sums, SHA256SUMS_FILE } from './sha256sums.js';

/** The verdict on one file. */
export interface FileCheck {
  /** Relative to the data set folder, `/`-separated. */
  readonly file: string;
  readonly status: 'ok' | 'mismatch' | 'missing' | 'unchecked' | 'unreadable';
  readonly algorithm?: 'md5' | 'sha256';
  readonly expected?: string;
  readonly actual?: string;
  /** Where the expected digest comes from (a list and line, or the publisher). */
  readonly source?: string;
  /** For `unreadable`: the file-system error. */
  readonly error?: string;
}

/** {@link verifyDataset}'s answer. */
export interface VerifyReport {
  readonly name: string;
  /** The data set folder. */
  readonly path: string;
  /** The checksum lists read. */
  readonly lists: readonly string[];
  readonly files: readonly FileCheck[];
  /** True when at least one file was checked and none is mismatched, missing or unreadable. */
  readonly ok: boolean;
}

/** Options of {@link verifyDataset}. */
export interface VerifyOptions {
  /** More SHA-256 lists (sha256sum format, paths relative to the list's folder). */
  readonly sumsFiles?: readonly string[];
}

function rel(folder: string, abs: string): string {
  return relative(folder, abs).split(sep).join('/');
}

/**
 * Verifies the files of `source` under the data root `dataDir`.
 * @throws DataNotFoundError when the root or the data set folder is missing or not a folder;
 *   DataFormatError for a malformed or unreadable checksum list.
 */
export async function verifyDataset(source: DatasetSource, dataDir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const root = requireDataRoot(dataDir);
  const folder = requireDatasetDir(join(root, source.name), source.name, source.title);
  const lists = [join(root, SHA256SUMS_FILE), join(folder, SHA256SUMS_FILE)].filter((p) => existsSync(p));
  lists.push(...(options.sumsFiles ?? []).map((p) => resolve(p)));
  const listed = new Map<string, ListedDigest>();
  for (const list of lists) {
    for (const d of readSha256Sums(list)) {
      const r = rel(folder, d.path);
      if (r.startsWith('../') || r === '..') continue; // another data set's line in a root list
      listed.set(r, d);
    }
  }
  const present = filesUnder(folder).filter((f) => !lists.includes(join(folder, f.path)));
  const presentNames = new Set(present.map((f) => f.path));
  const official = new Map(source.files.map((f) => [f.fileName, f]));
  const checks: FileCheck[] = [];
  for (const f of present) {
    const fromList = listed.get(f.path);
    const fromPublisher = official.get(f.path);
    const expect = fromList
      ? { algorithm: 'sha256' as const, value: fromList.sha256, source: `${fromList.list}, line ${fromList.line}` }
      : fromPublisher
        ? { algorithm: fromPublisher.checksum.algorithm, value: fromPublisher.checksum.value.toLowerCase(), source: fromPublisher.checksumSource }
        : undefined;
    if (expect === undefined) {
      checks.push({ file: f.path, status: 'unchecked' });
      continue;
    }
    let actual: string;
    try {
      actual = await hashFile(join(folder, f.path), expect.algorithm);
    } catch (e) {
      checks.push({ file: f.path, status: 'unreadable', error: (e as Error).message });
      continue;
    }
    checks.push({
      file: f.path,
      status: actual === expect.value ? 'ok' : 'mismatch',
      algorithm: expect.algorithm,
      expected: expect.value,
      actual,
      source: expect.source,
    });
  }
  for (const [file, d] of listed) {
    if (!presentNames.has(file)) checks.push({ file, status: 'missing', algorithm: 'sha256', expected: d.sha256, source: `${d.list}, line ${d.line}` });
  }
  checks.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const bad = checks.some((c) => c.status === 'mismatch' || c.status === 'missing' || c.status === 'unreadable');
  const checked = checks.some((c) => c.status === 'ok' || c.status === 'mismatch');
  return { name: source.name, path: folder, lists, files: checks, ok: checked && !bad };
}
