/**
 * The Node loaders on small fixture folders in a temp dir: missing folders and files name the
 * `gapkit data download` command, gzip is optional, bad files name themselves, and loading writes nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFormatError, DataNotFoundError } from '../src/index.js';
import { loadCifar10, loadCifar100, loadMnist, loadMovieLens100k, loadMovieLens1m, loadNcf } from '../src/node/index.js';

const root = mkdtempSync(join(tmpdir(), 'gapkit-data-loaders-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function idx(words: number[], payload: Uint8Array): Buffer {
  const head = Buffer.alloc(words.length * 4);
  words.forEach((w, i) => {
    head.writeUInt32BE(w, i * 4);
  });
  return Buffer.concat([head, payload]);
}

function snapshot(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => {
      const p = join(e.parentPath, e.name);
      const s = statSync(p);
      return `${p}:${s.size}:${s.mtimeMs}`;
    })
    .sort()
    .join('\n');
}

describe('missing data', () => {
  it('a missing folder names the gapkit data download command with the parent as --data-dir', () => {
    const dir = join(root, 'cifar10');
    expect(() => loadCifar10(dir)).toThrow(DataNotFoundError);
    expect(() => loadCifar10(dir)).toThrow(`CIFAR-10 not found: directory ${dir} does not exist; run \`gapkit data download cifar10 --data-dir ${root}\``);
    expect(() => loadCifar100(join(root, 'cifar100'))).toThrow(/gapkit data download cifar100 --data-dir/);
    expect(() => loadMnist(join(root, 'mnist'))).toThrow(/gapkit data download mnist --data-dir/);
    expect(() => loadMovieLens100k(join(root, 'movielens-100k'))).toThrow(/gapkit data download movielens-100k --data-dir/);
    expect(() => loadMovieLens1m(join(root, 'movielens-1m'))).toThrow(/gapkit data download movielens-1m --data-dir/);
  });

  it('a folder under another name still says which data set to download', () => {
    expect(() => loadCifar10(join(root, 'my-cifar'))).toThrow(/gapkit data download cifar10 --data-dir <root> {2}\(it creates <root>\/cifar10; pass that folder here\)/);
  });

  it('a data folder path that is a file says so instead of "does not exist"', () => {
    const file = join(root, 'not-a-folder');
    writeFileSync(file, 'x');
    expect(() => loadCifar10(file)).toThrow(DataNotFoundError);
    expect(() => loadCifar10(file)).toThrow(`CIFAR-10 not found: ${file} is a file, expected the data set folder; run`);
    expect(() => loadMnist(file)).toThrow(/is a file, expected the data set folder/);
  });

  it('a data file that is a directory is a DataFormatError naming it (not a raw EISDIR)', () => {
    const dir = join(root, 'm100k-dir');
    mkdirSync(join(dir, 'u.data'), { recursive: true });
    expect(() => loadMovieLens100k(dir)).toThrow(DataFormatError);
    expect(() => loadMovieLens100k(dir)).toThrow(`${join(dir, 'u.data')}: is a directory, expected a movielens-100k data file`);
  });

  it('a missing file inside an existing folder names the file', () => {
    const dir = join(root, 'cifar100');
    mkdirSync(dir, { recursive: true });
    expect(() => loadCifar100(dir)).toThrow(`missing data file ${join(dir, 'train.bin')}`);
  });
});

describe('loadCifar10 on a fixture folder', () => {
  const dir = join(root, 'c10');
  mkdirSync(dir, { recursive: true });
  const rec = (label: number, v: number): Buffer => Buffer.concat([Buffer.of(label), Buffer.alloc(3072, v)]);
  writeFileSync(join(dir, 'data_batch_1.bin'), Buffer.concat([rec(1, 10), rec(2, 20)]));
  writeFileSync(join(dir, 'data_batch_2.bin'), rec(3, 30));
  writeFileSync(join(dir, 'test_batch.bin'), rec(9, 90));
  writeFileSync(join(dir, 'batches.meta.txt'), 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n');

  it('concatenates the consecutive data batches present and reads the names file', () => {
    const before = snapshot(dir);
    const { train, test } = loadCifar10(dir);
    expect(train.n).toBe(3);
    expect(Array.from(train.labels)).toEqual([1, 2, 3]);
    expect(train.images[3072 * 2]).toBe(30);
    expect(test.labels[0]).toBe(9);
    expect(train.classNames).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
    expect(snapshot(dir)).toBe(before);
  });

  it('a truncated batch is an error naming its path and the 3073-byte record', () => {
    const bad = join(root, 'c10-bad');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'data_batch_1.bin'), rec(1, 1).subarray(0, 3000));
    writeFileSync(join(bad, 'test_batch.bin'), rec(1, 1));
    expect(() => loadCifar10(bad)).toThrow(DataFormatError);
    expect(() => loadCifar10(bad)).toThrow(`${join(bad, 'data_batch_1.bin')}: expected a whole number of 3073-byte CIFAR records`);
  });
});

describe('loadMnist on fixture folders', () => {
  const images = idx([2051, 2, 28, 28], Uint8Array.from({ length: 2 * 784 }, (_, i) => i % 251));
  const labels = idx([2049, 2], Uint8Array.of(4, 7));

  it('reads gzip-compressed and plain IDX files to the same data set', () => {
    const gz = join(root, 'mnist-gz');
    const plain = join(root, 'mnist-plain');
    for (const d of [gz, plain]) mkdirSync(d, { recursive: true });
    for (const stem of ['train', 't10k']) {
      writeFileSync(join(gz, `${stem}-images-idx3-ubyte.gz`), gzipSync(images));
      writeFileSync(join(gz, `${stem}-labels-idx1-ubyte.gz`), gzipSync(labels));
      writeFileSync(join(plain, `${stem}-images-idx3-ubyte`), images);
      writeFileSync(join(plain, `${stem}-labels-idx1-ubyte`), labels);
    }
    const a = loadMnist(gz);
    const b = loadMnist(plain);
    expect(Array.from(a.test.labels)).toEqual([4, 7]);
    expect(Buffer.from(a.train.images).equals(Buffer.from(b.train.images))).toBe(true);
    expect(Buffer.from(a.train.images).equals(images.subarray(16))).toBe(true);
  });

  it('a corrupt gzip file and a wrong magic number name the file', () => {
    const d = join(root, 'mnist-bad');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'train-images-idx3-ubyte.gz'), gzipSync(images).subarray(0, 40));
    writeFileSync(join(d, 'train-labels-idx1-ubyte.gz'), gzipSync(labels));
    expect(() => loadMnist(d)).toThrow(`${join(d, 'train-images-idx3-ubyte.gz')}: starts with the gzip magic 1f 8b but does not decompress`);
    writeFileSync(join(d, 'train-images-idx3-ubyte.gz'), gzipSync(labels));
    expect(() => loadMnist(d)).toThrow(`${join(d, 'train-images-idx3-ubyte.gz')}: expected IDX images magic number 0x00000803 (2051), found 0x00000801`);
  });
});

describe('MovieLens and NCF fixture folders', () => {
  it('u.info bounds the ids of u.data: an out-of-range id names the line', () => {
    const d = join(root, 'ml');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'u.info'), '3 users\n4 items\n3 ratings\n');
    writeFileSync(join(d, 'u.data'), '1\t1\t5\t100\n3\t4\t3\t200\n2\t5\t4\t300\n');
    expect(() => loadMovieLens100k(d)).toThrow(`${join(d, 'u.data')}, line 3: item id 5 is out of range (expected 1..4)`);
    writeFileSync(join(d, 'u.data'), '1\t1\t5\t100\n3\t4\t3\t200\n');
    const data = loadMovieLens100k(d);
    expect([data.numUsers, data.numItems, data.n]).toEqual([3, 4, 2]);
    expect(Array.from(data.users)).toEqual([0, 2]);
  });

  it('loadNcf checks that the negatives file follows the test ratings', () => {
    const d = join(root, 'ncf');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'x.train.rating'), '0\t1\t5\t10\n1\t0\t4\t11\n');
    writeFileSync(join(d, 'x.test.rating'), '0\t2\t3\t20\n1\t1\t2\t21\n');
    writeFileSync(join(d, 'x.test.negative'), '(0,2)\t3\t4\n(1,1)\t2\t5\n');
    const split = loadNcf(d, 'x');
    expect([split.numUsers, split.numItems]).toEqual([2, 6]);
    expect(split.train.numItems).toBe(6);
    expect(Array.from(split.testSet.negatives)).toEqual([3, 4, 2, 5]);
    writeFileSync(join(d, 'x.test.negative'), '(0,2)\t3\t4\n(1,3)\t2\t5\n');
    expect(() => loadNcf(d, 'x')).toThrow(`${join(d, 'x.test.negative')}, line 2: (1,3) does not match`);
  });
});
