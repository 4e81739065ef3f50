/**
 * Streaming one URL to a temporary file while hashing it; the file is kept only if its checksum matches.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DownloadError, httpGet } from './http-get.js';
import { ProgressBar, type ProgressStream } from './progress.js';
import type { SourceFile } from './sources.js';

/** The downloaded bytes do not have the published checksum. */
export class ChecksumError extends DownloadError {
  override name = 'ChecksumError';
}

/**
 * Downloads `file` from `url` into `tempPath`, verifying `file.checksum`. On any failure — including a
 * checksum mismatch — `tempPath` is deleted before the error is thrown.
 * @throws ChecksumError naming the URL, the expected and the actual digest; DownloadError otherwise.
 */
export async function fetchVerified(url: string, file: SourceFile, tempPath: string, progress: ProgressStream): Promise<void> {
  try {
    const res = await httpGet(url);
    const length = Number(res.headers['content-length']);
    const total = Number.isFinite(length) && length > 0 ? length : file.bytes;
    const bar = new ProgressBar({ stream: progress, label: file.fileName, total, unit: 'bytes' });
    const hash = createHash(file.checksum.algorithm);
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bar.tick(chunk.length);
        done(null, chunk);
      },
    });
    await pipeline(res, meter, createWriteStream(tempPath, { flags: 'wx' }));
    bar.finish();
    const actual = hash.digest('hex');
    if (actual !== file.checksum.value.toLowerCase()) {
      throw new ChecksumError(
        `checksum mismatch for ${url}: expected ${file.checksum.algorithm} ${file.checksum.value} (${file.checksumSource}), ` +
          `got ${actual}; the file was deleted. A mirror or proxy may have served a different file.`,
      );
    }
  } catch (e) {
    rmSync(tempPath, { force: true });
    if (e instanceof DownloadError) throw e;
    throw new DownloadError(`downloading ${url} failed: ${(e as Error).message}`);
  }
}
