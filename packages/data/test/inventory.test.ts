/**
 * `listDataDir` and `verifyDataset` (the logic of `gapkit data list` / `verify`): on a temp data root
 * with a corrupted file, and on the project's shared real data (`../shared/data`, skipped with a printed
 * reason when absent; only read).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFormatError, DataNotFoundError } from '../src/index.js';
import { DATASET_SOURCES, formatSha256Sums, listDataDir, parseSha256Sums, verifyDataset } from '../src/node/index.js';
import { sharedPath } from './helpers/shared-data.js';

const sha = (b: string | Buffer): string => createHash('sha256').update(b).digest('hex');
const md5 = (b: string | Buffer): string => createHash('md5').update(b).digest('hex');
const work = mkdtempSync(join(tmpdir(), 'gapkit-inventory-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A root with a complete movielens-100k (own SHA256SUMS), a partial cifar10 and an unknown folder. */
function makeRoot(): string {
  const root = mkdtempSync(join(work, 'root-'));
  const ml = join(root, 'movielens-100k');
  mkdirSync(join(ml, 'ncf'), { recursive: true });
  const files: Record<string, string> = { 'u.data': '1\t1\t5\t0\n', 'u.info': '1 users\n1 items\n1 ratings\n', 'u.item': 'x', 'u.user': 'y', 'ncf/a.rating': 'z' };
  for (const [f, text] of Object.entries(files)) writeFileSync(join(ml, f), text);
  writeFileSync(
    join(ml, 'SHA256SUMS'),
    formatSha256Sums(Object.entries(files).map(([f, t]) => [f, sha(t)])),
  );
  mkdirSync(join(root, 'cifar10'));
  writeFileSync(join(root, 'cifar10', 'test_batch.bin'), 'records');
  mkdirSync(join(root, 'scratch'));
  return root;
}

describe('listDataDir', () => {
  it('names each known data set with its files and whether complete; unknown entries separately', () => {
    const root = makeRoot();
    const l = listDataDir(root);
    const by = Object.fromEntries(l.datasets.map((d) => [d.source.name, d]));
    expect(Object.keys(by)).toEqual(Object.keys(DATASET_SOURCES));
    expect(by['movielens-100k'].status).toBe('complete');
    expect(by['movielens-100k'].files.map((f) => f.path)).toEqual(['SHA256SUMS', 'ncf/a.rating', 'u.data', 'u.info', 'u.item', 'u.user']);
    expect(by['movielens-100k'].files.find((f) => f.path === 'u.item')?.bytes).toBe(1);
    expect(by.cifar10.status).toBe('partial');
    expect(by.cifar10.missing).toEqual(['data_batch_1.bin', 'data_batch_5.bin', 'batches.meta.txt']);
    expect(by.mnist.status).toBe('absent');
    expect(l.other).toEqual(['scratch/']);
  });

  it('a missing root and a root that is a file are named errors', () => {
    expect(() => listDataDir(join(work, 'nope'))).toThrow(DataNotFoundError);
    expect(() => listDataDir(join(work, 'nope'))).toThrow(`data dir ${join(work, 'nope')} does not exist; run \`gapkit data download <name> --data-dir`);
    const file = join(work, 'a-file');
    writeFileSync(file, '');
    expect(() => listDataDir(file)).toThrow(`data dir ${file} is a file, expected a folder holding one folder per data set`);
  });
});

describe('verifyDataset', () => {
  it('every file matches its recorded SHA-256', async () => {
    const r = await verifyDataset(DATASET_SOURCES['movielens-100k'], makeRoot());
    expect(r.ok).toBe(true);
    expect(r.files.map((f) => [f.file, f.status])).toEqual([
      ['ncf/a.rating', 'ok'],
      ['u.data', 'ok'],
      ['u.info', 'ok'],
      ['u.item', 'ok'],
      ['u.user', 'ok'],
    ]);
    expect(r.files[0].source).toMatch(/SHA256SUMS, line 1$/);
  });

  it('a corrupted file is a mismatch with both digests, a listed file that is gone is missing, an extra one unchecked', async () => {
    const root = makeRoot();
    const ml = join(root, 'movielens-100k');
    writeFileSync(join(ml, 'u.data'), '1\t1\t4\t0\n');
    rmSync(join(ml, 'u.user'));
    writeFileSync(join(ml, 'notes.txt'), 'mine');
    const r = await verifyDataset(DATASET_SOURCES['movielens-100k'], root);
    expect(r.ok).toBe(false);
    const by = Object.fromEntries(r.files.map((f) => [f.file, f]));
    expect(by['u.data']).toMatchObject({ status: 'mismatch', algorithm: 'sha256', expected: sha('1\t1\t5\t0\n'), actual: sha('1\t1\t4\t0\n') });
    expect(by['u.user'].status).toBe('missing');
    expect(by['notes.txt'].status).toBe('unchecked');
    expect(by['u.info'].status).toBe('ok');
  });

  it('uses the publisher checksum for a downloadable file no list names (MNIST .gz)', async () => {
    const root = mkdtempSync(join(work, 'mnist-'));
    mkdirSync(join(root, 'mnist'));
    writeFileSync(join(root, 'mnist', 't10k-labels-idx1-ubyte.gz'), 'not the LeCun file');
    const r = await verifyDataset(DATASET_SOURCES.mnist, root);
    expect(r.ok).toBe(false);
    expect(r.files).toEqual([
      {
        file: 't10k-labels-idx1-ubyte.gz',
        status: 'mismatch',
        algorithm: 'md5',
        expected: 'ec29112dd5afa0611ce80d1b7f02629c',
        actual: md5('not the LeCun file'),
        source: DATASET_SOURCES.mnist.files[3].checksumSource,
      },
    ]);
  });

  it('nothing to check is not a pass; a missing folder and a malformed list are named errors', async () => {
    const root = makeRoot();
    const r = await verifyDataset(DATASET_SOURCES.cifar10, root);
    expect(r.files).toEqual([{ file: 'test_batch.bin', status: 'unchecked' }]);
    expect(r.ok).toBe(false);
    await expect(verifyDataset(DATASET_SOURCES.mnist, root)).rejects.toThrow(DataNotFoundError);
    await expect(verifyDataset(DATASET_SOURCES.mnist, root)).rejects.toThrow(/MNIST \(IDX, gzip\) not found: directory .*mnist does not exist/);
    const bad = join(root, 'bad.sums');
    writeFileSync(bad, `${'a'.repeat(64)}  test_batch.bin\nnot a line\n`);
    await expect(verifyDataset(DATASET_SOURCES.cifar10, root, { sumsFiles: [bad] })).rejects.toThrow(DataFormatError);
    await expect(verifyDataset(DATASET_SOURCES.cifar10, root, { sumsFiles: [bad] })).rejects.toThrow(`${bad}, line 2: expected '<64 hex digits>  <path>'`);
  });

  it('parseSha256Sums reads text and binary mode lines, skips comments, resolves paths against the list', () => {
    const d = parseSha256Sums(`# made by hand\n${'A'.repeat(64)}  a/b.bin\n\n${'b'.repeat(64)} *c.bin\n`, '/x/y/SUMS');
    expect(d).toEqual([
      { path: '/x/y/a/b.bin', sha256: 'a'.repeat(64), list: '/x/y/SUMS', line: 2 },
      { path: '/x/y/c.bin', sha256: 'b'.repeat(64), list: '/x/y/SUMS', line: 4 },
    ]);
  });
});

const shared = sharedPath('SHA256SUMS');
describe.skipIf(shared === null)('on the shared real data (read only)', () => {
  const root = join(shared ?? '', '..');

  it('lists the four data sets present; the subsets are partial', () => {
    const l = listDataDir(root);
    const status = Object.fromEntries(l.datasets.map((d) => [d.source.name, d.status]));
    expect(status).toEqual({ cifar10: 'partial', cifar100: 'complete', mnist: 'partial', 'movielens-100k': 'complete', 'movielens-1m': 'absent' });
    expect(l.other).toContain('SHA256SUMS');
  });

  it('every file of every data set matches the root SHA256SUMS', async () => {
    for (const name of ['cifar10', 'cifar100', 'mnist', 'movielens-100k']) {
      const r = await verifyDataset(DATASET_SOURCES[name], root);
      expect(r.lists).toEqual([join(root, 'SHA256SUMS')]);
      expect(r.files.filter((f) => f.status !== 'ok')).toEqual([]);
      expect(r.ok).toBe(true);
    }
  });
});
