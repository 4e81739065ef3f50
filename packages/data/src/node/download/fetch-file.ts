/**
 * Streaming one URL to a temporary file while hashing it; the file is kept only if its checksum matches.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DEFAULT_IDLE_TIMEOUT_SECONDS, DownloadError, httpGet, idleTimeoutMs } from './http-get.js';
import { ProgressBar, type ProgressStream } from './progress.js';
import type { SourceFile } from './sources.js';

/** The downloaded bytes do not have the published checksum. */
export class ChecksumError extends DownloadError {
  override name = 'ChecksumError';
}

/** Options of {@link fetchVerified}. */
export interface FetchOptions {
  /**
   * Seconds without a byte (waiting for the response, or between two chunks of the body) before the
   * download is abandoned; default {@link DEFAULT_IDLE_TIMEOUT_SECONDS}.
   */
  readonly idleTimeoutSeconds?: number;
}

/**
 * Downloads `file` from `url` into `tempPath`, verifying `file.checksum`. On any failure — including a
 * checksum mismatch or a stall — `tempPath` is deleted before the error is thrown.
 * @throws ChecksumError naming the URL, the expected and the actual digest; DownloadError otherwise (a
 *   stalled body names the URL, the bytes received and the seconds idle).
 */
export async function fetchVerified(url: string, file: SourceFile, tempPath: string, progress: ProgressStream, options: FetchOptions = {}): Promise<void> {
  const idleSeconds = options.idleTimeoutSeconds ?? DEFAULT_IDLE_TIMEOUT_SECONDS;
  const idleMs = idleTimeoutMs(idleSeconds);
  let stall: NodeJS.Timeout | undefined;
  try {
    const res = await httpGet(url, 5, idleMs);
    const length = Number(res.headers['content-length']);
    const total = Number.isFinite(length) && length > 0 ? length : undefined;
    const bar = new ProgressBar({ stream: progress, label: file.fileName, total: total ?? file.bytes, unit: 'bytes' });
    const hash = createHash(file.checksum.algorithm);
    let received = 0;
    stall = setTimeout(() => {
      const of = total === undefined ? '' : ` of ${total}`;
      res.destroy(
        new DownloadError(
          `downloading ${url} stalled: no data for ${idleSeconds} s after ${received}${of} bytes; the partial file was deleted ` +
            '(a slow link may need a longer --timeout SECONDS)',
        ),
      );
    }, idleMs);
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        stall?.refresh();
        received += chunk.length;
        hash.update(chunk);
        bar.tick(chunk.length);
        done(null, chunk);
      },
    });
    await pipeline(res, meter, createWriteStream(tempPath, { flags: 'wx' }));
    clearTimeout(stall);
    bar.finish();
    const actual = hash.digest('hex');
    if (actual !== file.checksum.value.toLowerCase()) {
      throw new ChecksumError(
        `checksum mismatch for ${url}: expected ${file.checksum.algorithm} ${file.checksum.value} (${file.checksumSource}), ` +
          `got ${actual}; the file was deleted. A mirror or proxy may have served a different file.`,
      );
    }
  } catch (e) {
    clearTimeout(stall);
    rmSync(tempPath, { force: true });
    if (e instanceof DownloadError) throw e;
    throw new DownloadError(`downloading ${url} failed: ${(e as Error).message}`);
  }
}
