/**
 * `gapkit data download` logic: fetch each file of a {@link DatasetSource} into a staging folder inside the
 * target directory, verify its checksum, extract it, check the expected files, record the SHA-256 of
 * every file in `SHA256SUMS`, then move the finished folder into place with one rename. A failure at any step removes the staging folder, so the target
 * directory never holds a partial or unverified data set.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataFormatError } from '../../errors.js';
import { filesUnder } from '../inventory/data-dir-files.js';
import { hashFile } from '../inventory/hash-file.js';
import { formatSha256Sums, SHA256SUMS_FILE } from '../inventory/sha256sums.js';
import { fetchVerified } from './fetch-file.js';
import { idleTimeoutMs } from './http-get.js';
import type { ProgressStream } from './progress.js';
import type { DatasetSource } from './sources.js';
import { extractTarGz } from './tar-extract.js';
import { extractZip } from './zip-extract.js';

/** The default data root of the CLI and loaders (relative to the working directory). */
export const DEFAULT_DATA_DIR = 'data';

/** Options of {@link downloadDataset}. */
export interface DownloadOptions {
  /** Data root; the data set lands in `<dir>/<source.name>`. */
  readonly dir: string;
  /** Replace an existing data set folder. */
  readonly force?: boolean;
  /** Fetch `<mirror>/<fileName>` instead of each file's URL (checksums still apply). */
  readonly mirror?: string;
  /** Progress bars (stderr in the CLI). */
  readonly progress: ProgressStream;
  /**
   * Seconds a download may go without receiving a byte before it fails (finite, > 0); default
   * `DEFAULT_IDLE_TIMEOUT_SECONDS` (60). The CLI's `--timeout SECONDS`.
   */
  readonly idleTimeoutSeconds?: number;
}

/** What {@link downloadDataset} did. */
export interface DownloadResult {
  readonly status: 'downloaded' | 'present';
  /** The data set folder. */
  readonly path: string;
  /** Files written, relative to `path` (empty when already present). */
  readonly files: readonly string[];
}

/**
 * Writes `<folder>/SHA256SUMS` with the digest of every file extracted from the verified download, so
 * `gapkit data verify` can later tell a file changed on disk (the publishers' checksums cover only the
 * archives, which are deleted after extraction). Kept if the download brought its own.
 */
async function recordSha256Sums(folder: string): Promise<void> {
  const list = join(folder, SHA256SUMS_FILE);
  if (existsSync(list)) return;
  const entries: [string, string][] = [];
  for (const f of filesUnder(folder)) entries.push([f.path, await hashFile(join(folder, f.path), 'sha256')]);
  writeFileSync(list, formatSha256Sums(entries));
}

function missingFiles(dir: string, expected: readonly string[]): string[] {
  return expected.filter((f) => !existsSync(join(dir, f)));
}

/**
 * Downloads, verifies and extracts `source` into `<dir>/<source.name>`. An existing complete folder is
 * left alone (`status: 'present'`) unless `force`.
 * @throws ChecksumError (temporary file deleted), DownloadError, DataFormatError for a bad archive or
 *   missing expected files, or Error when the folder exists but is incomplete and `force` is off.
 */
export async function downloadDataset(source: DatasetSource, options: DownloadOptions): Promise<DownloadResult> {
  if (options.idleTimeoutSeconds !== undefined) idleTimeoutMs(options.idleTimeoutSeconds, 'downloadDataset: idleTimeoutSeconds');
  const root = resolve(options.dir);
  const target = join(root, source.name);
  if (existsSync(target) && !options.force) {
    const missing = missingFiles(target, source.expectFiles);
    if (missing.length === 0) return { status: 'present', path: target, files: [] };
    throw new Error(`${target} exists but lacks ${missing.join(', ')}; rerun with --force to replace it`);
  }
  mkdirSync(root, { recursive: true });
  const staging = mkdtempSync(join(root, `.${source.name}.download-`));
  try {
    const extracted = join(staging, source.name);
    mkdirSync(extracted);
    const files: string[] = [];
    for (const file of source.files) {
      const url = options.mirror ? `${options.mirror.replace(/\/+$/, '')}/${file.fileName}` : file.url;
      const temp = join(staging, `${file.fileName}.part`);
      await fetchVerified(url, file, temp, options.progress, { idleTimeoutSeconds: options.idleTimeoutSeconds });
      if (source.archive === 'none') {
        renameSync(temp, join(extracted, file.fileName));
        files.push(file.fileName);
      } else {
        const written =
          source.archive === 'zip' ? extractZip(temp, extracted, source.stripPrefix) : await extractTarGz(temp, extracted, source.stripPrefix);
        rmSync(temp);
        files.push(...written);
      }
    }
    const missing = missingFiles(extracted, source.expectFiles);
    if (missing.length > 0) {
      throw new DataFormatError(source.files.map((f) => f.fileName).join(', '), `the download lacks ${missing.join(', ')} (under '${source.stripPrefix ?? ''}')`);
    }
    await recordSha256Sums(extracted);
    if (existsSync(target)) renameSync(target, join(staging, 'replaced'));
    renameSync(extracted, target);
    return { status: 'downloaded', path: target, files };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
