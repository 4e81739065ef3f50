/** CIFAR binary record parsing: layout, sizes, label ranges, errors that name the file. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataFormatError, parseCifar10, parseCifar100 } from '../src/index.js';

/** Builds one record by the documented layout: label byte(s), then R, G, B planes row-major. */
function record(labels: number[], pixel: (c: number, y: number, x: number) => number): Uint8Array {
  const r = new Uint8Array(labels.length + 3072);
  r.set(labels, 0);
  for (let c = 0; c < 3; c++) for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) r[labels.length + c * 1024 + y * 32 + x] = pixel(c, y, x);
  return r;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('parseCifar10', () => {
  it('puts pixel (c, y, x) of image k at ((k·3 + c)·32 + y)·32 + x and reads the label byte', () => {
    const bytes = concat([record([7], (c, y, x) => (c * 50 + y + x) % 256), record([2], (c, y, x) => (255 - c - y * x) & 255)]);
    const ds = parseCifar10(bytes, 'two.bin');
    expect(ds.n).toBe(2);
    expect(Array.from(ds.labels)).toEqual([7, 2]);
    const at = (k: number, c: number, y: number, x: number): number => ds.images[((k * 3 + c) * 32 + y) * 32 + x];
    expect(at(0, 2, 5, 9)).toBe((100 + 14) % 256);
    expect(at(1, 1, 3, 4)).toBe((255 - 1 - 12) & 255);
  });

  it('round-trips any sequence of valid records (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.uint8Array({ minLength: 3072, maxLength: 3072 })), { minLength: 1, maxLength: 4 }), (recs) => {
        const bytes = concat(recs.map(([y, px]) => concat([Uint8Array.of(y), px])));
        const ds = parseCifar10(bytes, 'p.bin');
        expect(Array.from(ds.labels)).toEqual(recs.map(([y]) => y));
        recs.forEach(([, px], k) => {
      expect(Buffer.from(ds.images.subarray(k * 3072, (k + 1) * 3072)).equals(Buffer.from(px))).toBe(true);
    });
      }),
      { numRuns: 30 },
    );
  });

  it('rejects a truncated file, naming the file, the 3073-byte record size and the byte count', () => {
    const bytes = concat([record([1], () => 0), record([1], () => 0)]).subarray(0, 3073 + 100);
    expect(() => parseCifar10(bytes, 'data_batch_1.bin')).toThrow(DataFormatError);
    expect(() => parseCifar10(bytes, 'data_batch_1.bin')).toThrow(/data_batch_1\.bin: expected a whole number of 3073-byte CIFAR records .* found 3173 bytes/);
  });

  it('recognizes a CIFAR-100 file passed as CIFAR-10 by its size', () => {
    const bytes = concat(Array.from({ length: 3073 }, () => record([1, 2], () => 0))).subarray(0, 3074 * 3);
    expect(() => parseCifar10(bytes, 'train.bin')).toThrow(/multiple of 3074 — this looks like a CIFAR-100 file/);
  });

  it('rejects a label above 9 with its record number', () => {
    const bytes = concat([record([3], () => 0), record([10], () => 0)]);
    expect(() => parseCifar10(bytes, 'x.bin')).toThrow(/x\.bin: record 1 \(byte offset 3073\): label byte 0 is 10, expected 0\.\.9/);
  });

  it('rejects an empty file', () => {
    expect(() => parseCifar10(new Uint8Array(0), 'empty.bin')).toThrow(/empty\.bin: .*found 0 bytes/);
  });
});

describe('parseCifar100', () => {
  it('reads coarse label (byte 0), fine label (byte 1) and pixels from 3074-byte records', () => {
    const bytes = concat([record([11, 19], (c) => c + 1), record([19, 99], () => 200)]);
    const ds = parseCifar100(bytes, 't.bin');
    expect(Array.from(ds.labels)).toEqual([19, 99]);
    expect(Array.from(ds.coarseLabels)).toEqual([11, 19]);
    expect([ds.images[0], ds.images[1024], ds.images[2048], ds.images[3072]]).toEqual([1, 2, 3, 200]);
  });

  it('rejects a coarse label above 19 and a fine label above 99', () => {
    expect(() => parseCifar100(record([20, 0], () => 0), 'c.bin')).toThrow(/c\.bin: record 0 .*label byte 0 is 20, expected 0\.\.19/);
    expect(() => parseCifar100(record([0, 100], () => 0), 'f.bin')).toThrow(/f\.bin: record 0 .*label byte 1 is 100, expected 0\.\.99/);
  });

  it('rejects CIFAR-10 data by size, naming the 3074-byte record', () => {
    const bytes = concat([record([1], () => 0), record([1], () => 0)]);
    expect(() => parseCifar100(bytes, 'test_batch.bin')).toThrow(/test_batch\.bin: expected a whole number of 3074-byte CIFAR records/);
  });
});
