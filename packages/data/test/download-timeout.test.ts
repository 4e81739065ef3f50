/**
 * Download timeouts on a loopback server: a body that stalls mid-way and a server that never answers
 * fail after the configured idle time with a message naming the URL, the bytes received and the
 * seconds idle, and leave nothing behind; the timeout option is validated.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatasetSource, DEFAULT_IDLE_TIMEOUT_SECONDS, DownloadError, downloadDataset, fetchVerified } from '../src/node/index.js';
import { type FixtureServer, startFixtureServer } from './helpers/fixture-server.js';

const quiet = { isTTY: false, write: () => true };
const work = mkdtempSync(join(tmpdir(), 'gapkit-download-timeout-'));
const served = join(work, 'served');
const BODY = Buffer.alloc(10_000, 7);
let server: FixtureServer;

const source: DatasetSource = {
  name: 'blob',
  title: 'a test blob',
  homepage: 'http://127.0.0.1/',
  terms: 'none',
  files: [{ url: 'http://127.0.0.1:9/unused', fileName: 'blob.bin', checksum: { algorithm: 'sha256', value: '0'.repeat(64) }, checksumSource: 'test' }],
  archive: 'none',
  expectFiles: ['blob.bin'],
};

beforeAll(async () => {
  mkdirSync(served);
  writeFileSync(join(served, 'blob.bin'), BODY);
  server = await startFixtureServer(served);
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('download idle timeout', () => {
  it('defaults to 60 s', () => {
    expect(DEFAULT_IDLE_TIMEOUT_SECONDS).toBe(60);
  });

  it('a body that stalls mid-way fails naming the URL, bytes received and seconds idle; the partial file is deleted', async () => {
    const temp = join(work, 'stalled.part');
    const url = `${server.base}/stall/blob.bin`;
    const err = await fetchVerified(url, source.files[0], temp, quiet, { idleTimeoutSeconds: 0.3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as Error).message).toBe(
      `downloading ${url} stalled: no data for 0.3 s after 5000 of 10000 bytes; the partial file was deleted (a slow link may need a longer --timeout SECONDS)`,
    );
    expect(readdirSync(work)).not.toContain('stalled.part');
  });

  it('a server that never answers fails after the timeout naming the URL', async () => {
    const url = `${server.base}/silent/blob.bin`;
    await expect(fetchVerified(url, source.files[0], join(work, 'silent.part'), quiet, { idleTimeoutSeconds: 0.3 })).rejects.toThrow(
      `GET ${url}: no response for 0.3 s`,
    );
  });

  it('downloadDataset passes idleTimeoutSeconds through and leaves the data dir without a partial data set', async () => {
    const dir = join(work, 'data');
    await expect(downloadDataset(source, { dir, mirror: `${server.base}/stall`, progress: quiet, idleTimeoutSeconds: 0.3 })).rejects.toThrow(
      /stalled: no data for 0\.3 s after 5000 of 10000 bytes/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects idleTimeoutSeconds %s before any request', async (bad) => {
    const before = server.requests;
    await expect(downloadDataset(source, { dir: join(work, 'never'), progress: quiet, idleTimeoutSeconds: bad })).rejects.toThrow(
      `downloadDataset: idleTimeoutSeconds must be a finite number of seconds > 0, got ${bad}`,
    );
    expect(server.requests).toBe(before);
  });
});
