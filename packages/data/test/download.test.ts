/**
 * The downloader against a loopback HTTP server serving small tar.gz / zip fixtures made by the system
 * `tar` and `zip`: checksum verification, extraction, atomic placement, refusal on a bad checksum,
 * redirects, 404s, mirrors, progress output, and unsafe or corrupt archives.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFormatError } from '../src/index.js';
import {
  ChecksumError,
  DATASET_SOURCES,
  type DatasetSource,
  DownloadError,
  downloadDataset,
  extractTarGz,
  extractZip,
  loadCifar10,
  loadMovieLens100k,
  ProgressBar,
  readSha256Sums,
  UnsafeArchiveError,
  verifyDataset,
} from '../src/node/index.js';
import { digest, missingArchiveTools, tar, zip } from './helpers/fixture-archives.js';
import { type FixtureServer, startFixtureServer } from './helpers/fixture-server.js';

const missing = missingArchiveTools();
if (missing.length > 0) console.warn(`[skip] download tests need the system programs ${missing.join(', ')} to build fixture archives`);

/** Collects what the downloader writes to its progress stream. */
function sink(isTTY = false): { write(t: string): boolean; isTTY: boolean; text: string } {
  return {
    isTTY,
    text: '',
    write(t: string) {
      this.text += t;
      return true;
    },
  };
}

const LONG_NAME = `${'x'.repeat(120)}.txt`;

describe.skipIf(missing.length > 0)('downloadDataset', () => {
  const work = mkdtempSync(join(tmpdir(), 'gapkit-download-'));
  const served = join(work, 'served');
  let server: FixtureServer;
  const rec = (label: number): Buffer => Buffer.concat([Buffer.of(label), Buffer.alloc(3072, label * 20)]);

  beforeAll(async () => {
    mkdirSync(served);
    const c10 = join(work, 'c10src', 'cifar-10-batches-bin');
    mkdirSync(c10, { recursive: true });
    for (let b = 1; b <= 5; b++) writeFileSync(join(c10, `data_batch_${b}.bin`), rec(b));
    writeFileSync(join(c10, 'test_batch.bin'), Buffer.concat([rec(0), rec(9)]));
    writeFileSync(join(c10, 'batches.meta.txt'), 'airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n');
    writeFileSync(join(c10, LONG_NAME), 'long name');
    writeFileSync(join(work, 'c10src', 'outside.txt'), 'not under the prefix');
    tar(join(work, 'c10src'), ['-czf', join(served, 'c10.tar.gz'), 'cifar-10-batches-bin', 'outside.txt']);
    tar(join(work, 'c10src'), ['--format=pax', '-czf', join(served, 'c10-pax.tar.gz'), 'cifar-10-batches-bin']);

    const ml = join(work, 'mlsrc', 'ml-100k');
    mkdirSync(ml, { recursive: true });
    writeFileSync(join(ml, 'u.data'), '1\t2\t5\t100\n2\t1\t3\t200\n');
    writeFileSync(join(ml, 'u.info'), '2 users\n2 items\n2 ratings\n');
    writeFileSync(join(ml, 'u.item'), `1|A|x\n2|B|${'y'.repeat(5000)}\n`);
    writeFileSync(join(ml, 'u.user'), '1|24|M|x|1\n2|53|F|y|2\n');
    zip(join(work, 'mlsrc'), ['-r', join(served, 'ml.zip'), 'ml-100k']);
    zip(join(work, 'mlsrc'), ['-0', '-r', join(served, 'ml-stored.zip'), 'ml-100k']);

    const evil = join(work, 'evilsrc', 'inner');
    mkdirSync(evil, { recursive: true });
    writeFileSync(join(work, 'evilsrc', 'secret.txt'), 'escape');
    tar(evil, ['-P', '-czf', join(served, 'evil.tar.gz'), '../secret.txt']);

    server = await startFixtureServer(served);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  function source(name: string, file: string, route = 'files', overrides: Partial<DatasetSource> = {}): DatasetSource {
    const isZip = file.endsWith('.zip');
    return {
      name,
      title: `fixture ${name}`,
      homepage: 'http://127.0.0.1/',
      terms: 'test fixture',
      files: [
        {
          url: `${server.base}/${route}/${file}`,
          fileName: file,
          checksum: { algorithm: 'md5', value: digest(join(served, file), 'md5') },
          checksumSource: 'computed by the test',
        },
      ],
      archive: isZip ? 'zip' : 'tar.gz',
      stripPrefix: isZip ? 'ml-100k/' : 'cifar-10-batches-bin/',
      expectFiles: isZip ? ['u.data', 'u.info'] : ['data_batch_1.bin', 'test_batch.bin'],
      ...overrides,
    };
  }

  const freshRoot = (): string => mkdtempSync(join(work, 'root-'));

  it('downloads, verifies and extracts a tar.gz under the prefix; the loader reads the result', async () => {
    const root = freshRoot();
    const progress = sink();
    const result = await downloadDataset(source('cifar10', 'c10.tar.gz'), { dir: root, progress });
    expect(result.status).toBe('downloaded');
    expect(readdirSync(root)).toEqual(['cifar10']); // no staging folder or temp file left behind
    const dir = join(root, 'cifar10');
    expect(readFileSync(join(dir, 'data_batch_3.bin')).equals(rec(3))).toBe(true);
    expect(readFileSync(join(dir, LONG_NAME), 'utf8')).toBe('long name');
    expect(existsSync(join(dir, 'outside.txt'))).toBe(false);
    const { train, test } = loadCifar10(dir);
    expect(Array.from(train.labels)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(test.labels)).toEqual([0, 9]);
    expect(progress.text).toMatch(/^c10\.tar\.gz {2}100% {2}[\d.]+ [kMG]?B \/ [\d.]+ [kMG]?B/m);
    // the digests of the extracted files are recorded for `gapkit data verify`
    const sums = readSha256Sums(join(dir, 'SHA256SUMS'));
    expect(sums.map((d) => d.path).sort()).toEqual(result.files.map((f) => join(dir, f)).sort());
    for (const d of sums) expect(d.sha256).toBe(digest(d.path, 'sha256'));
    expect((await verifyDataset(source('cifar10', 'c10.tar.gz'), root)).ok).toBe(true);
  });

  it('handles pax headers (long paths in extended records)', async () => {
    const root = freshRoot();
    await downloadDataset(source('cifar10', 'c10-pax.tar.gz'), { dir: root, progress: sink() });
    expect(readFileSync(join(root, 'cifar10', LONG_NAME), 'utf8')).toBe('long name');
  });

  for (const file of ['ml.zip', 'ml-stored.zip']) {
    it(`extracts a ${file === 'ml.zip' ? 'deflate' : 'stored'} zip after a redirect; the MovieLens loader reads it`, async () => {
      const root = freshRoot();
      await downloadDataset(source('movielens-100k', file, 'redirect'), { dir: root, progress: sink() });
      const data = loadMovieLens100k(join(root, 'movielens-100k'));
      expect([data.n, data.numUsers, data.numItems]).toEqual([2, 2, 2]);
      expect(readFileSync(join(root, 'movielens-100k', 'u.item'), 'utf8')).toContain('y'.repeat(5000));
    });
  }

  it('refuses a file whose checksum differs, deletes it, and leaves no data set folder', async () => {
    const root = freshRoot();
    const bad = source('cifar10', 'c10.tar.gz');
    const wrong = { ...bad, files: [{ ...bad.files[0], checksum: { algorithm: 'md5' as const, value: '0'.repeat(32) } }] };
    const attempt = downloadDataset(wrong, { dir: root, progress: sink() });
    await expect(attempt).rejects.toThrow(ChecksumError);
    await expect(downloadDataset(wrong, { dir: root, progress: sink() })).rejects.toThrow(
      new RegExp(`checksum mismatch for .*c10\\.tar\\.gz: expected md5 0{32} \\(computed by the test\\), got ${digest(join(served, 'c10.tar.gz'), 'md5')}`),
    );
    expect(readdirSync(root)).toEqual([]);
  });

  it('verifies sha256 checksums too', async () => {
    const root = freshRoot();
    const s = source('cifar10', 'c10.tar.gz');
    const sha = { ...s, files: [{ ...s.files[0], checksum: { algorithm: 'sha256' as const, value: digest(join(served, 'c10.tar.gz'), 'sha256') } }] };
    expect((await downloadDataset(sha, { dir: root, progress: sink() })).status).toBe('downloaded');
  });

  it('a 404 names the URL and status and leaves nothing behind', async () => {
    const root = freshRoot();
    const s = source('cifar10', 'c10.tar.gz');
    const gone = { ...s, files: [{ ...s.files[0], url: `${server.base}/files/missing.tar.gz` }] };
    await expect(downloadDataset(gone, { dir: root, progress: sink() })).rejects.toThrow(DownloadError);
    await expect(downloadDataset(gone, { dir: root, progress: sink() })).rejects.toThrow(`GET ${server.base}/files/missing.tar.gz failed: HTTP 404`);
    expect(readdirSync(root)).toEqual([]);
  });

  it('keeps an existing complete folder without touching the network, and replaces it with force', async () => {
    const root = freshRoot();
    const s = source('cifar10', 'c10.tar.gz');
    await downloadDataset(s, { dir: root, progress: sink() });
    writeFileSync(join(root, 'cifar10', 'marker'), 'old');
    const before = server.requests;
    expect((await downloadDataset(s, { dir: root, progress: sink() })).status).toBe('present');
    expect(server.requests).toBe(before);
    expect((await downloadDataset(s, { dir: root, progress: sink(), force: true })).status).toBe('downloaded');
    expect(existsSync(join(root, 'cifar10', 'marker'))).toBe(false);
    expect(readdirSync(root)).toEqual(['cifar10']);
  });

  it('an existing incomplete folder is an error suggesting --force', async () => {
    const root = freshRoot();
    mkdirSync(join(root, 'cifar10'));
    await expect(downloadDataset(source('cifar10', 'c10.tar.gz'), { dir: root, progress: sink() })).rejects.toThrow(/lacks data_batch_1\.bin, test_batch\.bin; rerun with --force/);
  });

  it('--mirror fetches <mirror>/<file name> instead of the official URL', async () => {
    const root = freshRoot();
    const s = source('cifar10', 'c10.tar.gz');
    const official = { ...s, files: [{ ...s.files[0], url: 'http://unreachable.invalid/c10.tar.gz' }] };
    expect((await downloadDataset(official, { dir: root, progress: sink(), mirror: `${server.base}/chunked/` })).status).toBe('downloaded');
  });

  it('an archive missing an expected file is rejected and nothing is kept', async () => {
    const root = freshRoot();
    const s = source('cifar10', 'c10.tar.gz', 'files', { expectFiles: ['data_batch_1.bin', 'nope.bin'] });
    await expect(downloadDataset(s, { dir: root, progress: sink() })).rejects.toThrow(/the download lacks nope\.bin/);
    expect(readdirSync(root)).toEqual([]);
  });

  it('refuses tar members that climb out of the target folder', async () => {
    const target = freshRoot();
    await expect(extractTarGz(join(served, 'evil.tar.gz'), target)).rejects.toThrow(UnsafeArchiveError);
    expect(existsSync(join(target, '..', 'secret.txt'))).toBe(false);
  });

  it('a truncated tar.gz and a corrupt zip member are errors naming the archive', async () => {
    const cut = join(work, 'cut.tar.gz');
    const whole = readFileSync(join(served, 'c10.tar.gz'));
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(extractTarGz(cut, freshRoot(), 'cifar-10-batches-bin/')).rejects.toThrow(DataFormatError);
    await expect(extractTarGz(cut, freshRoot(), 'cifar-10-batches-bin/')).rejects.toThrow(cut);

    const stored = readFileSync(join(served, 'ml-stored.zip'));
    const at = stored.indexOf('1\t2\t5\t100');
    const broken = Buffer.from(stored);
    broken[at] = '9'.charCodeAt(0);
    const path = join(work, 'broken.zip');
    writeFileSync(path, broken);
    expect(() => extractZip(path, freshRoot(), 'ml-100k/')).toThrow(new RegExp(`${path}: member 'ml-100k/u.data': CRC-32 is 0x[0-9a-f]+, the directory says 0x[0-9a-f]+`));
    writeFileSync(path, 'not a zip at all, just some text that is long enough');
    expect(() => extractZip(path, freshRoot())).toThrow(/no end-of-central-directory record/);
    await expect(extractTarGz(path, freshRoot())).rejects.toThrow(/cannot decompress \(expected gzip\)/);
  });
});

describe('ProgressBar (from @gapkit/node-io, re-exported here)', () => {
  it('off a terminal prints one line per 10% and no repeated final line', () => {
    const out = sink(false);
    const bar = new ProgressBar({ stream: out, label: 'f.bin', total: 1000, unit: 'bytes' });
    for (let i = 0; i < 100; i++) bar.tick(10);
    bar.finish();
    const lines = out.text.trim().split('\n');
    expect(lines.length).toBe(10); // 10%, 20%, …, 100%
    expect(lines.at(-1)).toMatch(/^f\.bin {2}100% {2}1\.0 kB \/ 1\.0 kB {2}[\d.]+ [kMG]?B\/s/);
  });

  it('with an unknown size shows bytes only', () => {
    const out = sink(true);
    const bar = new ProgressBar({ stream: out, label: 'g', unit: 'bytes' });
    bar.tick(2_500_000);
    bar.finish();
    expect(out.text.endsWith('\u001b[K\n')).toBe(true);
    expect(out.text).toMatch(/^\rg {2}2\.5 MB {2}[\d.]+ [kMG]?B\/s/);
  });
});

describe('DATASET_SOURCES', () => {
  it('lists https URLs with a 32-hex md5 and a named checksum source for each required data set', () => {
    expect(Object.keys(DATASET_SOURCES).sort()).toEqual(['cifar10', 'cifar100', 'mnist', 'movielens-100k', 'movielens-1m']);
    for (const s of Object.values(DATASET_SOURCES)) {
      expect(s.expectFiles.length).toBeGreaterThan(0);
      for (const f of s.files) {
        expect(f.url.startsWith('https://')).toBe(true);
        expect(f.url.endsWith(`/${f.fileName}`)).toBe(true);
        expect(f.checksum.value).toMatch(f.checksum.algorithm === 'md5' ? /^[0-9a-f]{32}$/ : /^[0-9a-f]{64}$/);
        expect(f.checksumSource.length).toBeGreaterThan(10);
      }
    }
  });
});
