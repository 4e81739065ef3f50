/** MNIST IDX parsing: header, magic numbers, sizes, gzip detection. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, parseIdxImages, parseIdxLabels, parseMnist } from '../src/index.js';

/** Big-endian header words followed by the payload, as the IDX spec lays them out. */
function idx(words: number[], payload: number[]): Uint8Array {
  const out = new Uint8Array(words.length * 4 + payload.length);
  const view = new DataView(out.buffer);
  words.forEach((w, i) => {
    view.setUint32(i * 4, w, false);
  });
  out.set(payload, words.length * 4);
  return out;
}

describe('IDX', () => {
  it('magic numbers are 2051 (images) and 2049 (labels)', () => {
    expect(IDX_IMAGES_MAGIC).toBe(2051);
    expect(IDX_LABELS_MAGIC).toBe(2049);
  });

  it('reads count, rows, cols and row-major pixels', () => {
    const img = parseIdxImages(idx([2051, 2, 2, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), 'i');
    expect([img.count, img.rows, img.cols]).toEqual([2, 2, 3]);
    expect(Array.from(img.pixels)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(Array.from(parseIdxLabels(idx([2049, 3], [9, 0, 4]), 'l'))).toEqual([9, 0, 4]);
  });

  it('names the file, the expected magic and the one found', () => {
    const labels = idx([2049, 1], [3]);
    expect(() => parseIdxImages(labels, 'train-images-idx3-ubyte')).toThrow(
      /train-images-idx3-ubyte: expected IDX images magic number 0x00000803 \(2051\), found 0x00000801 \(2049\) \(that is the labels magic\)/,
    );
    expect(() => parseIdxLabels(idx([2051, 1, 1, 1], [0]), 'lab')).toThrow(/lab: expected IDX labels magic number 0x00000801 \(2049\), found 0x00000803/);
  });

  it('reports a truncated file with the size the header implies', () => {
    const bytes = idx([2051, 2, 28, 28], new Array(784 + 10).fill(0));
    expect(() => parseIdxImages(bytes, 't10k')).toThrow(/t10k: header says 2×28×28 \(1584 bytes with the 16-byte header\), found 810 bytes \(truncated\?\)/);
    expect(() => parseIdxImages(idx([2051, 1], []), 'tiny')).toThrow(/tiny: expected an IDX images header of 16 bytes .* found only 8 bytes/);
  });

  it('says a gzip stream must be decompressed first', () => {
    expect(() => parseIdxLabels(gzipSync(idx([2049, 1], [1])), 'x.gz')).toThrow(/x\.gz: is gzip-compressed/);
  });

  it('rejects a label of 10 and mismatched counts', () => {
    expect(() => parseIdxLabels(idx([2049, 2], [1, 10]), 'l')).toThrow(/l: label 1 is 10, expected 0\.\.9/);
    expect(() =>
      parseMnist({ bytes: idx([2051, 2, 1, 1], [0, 0]), file: 'imgs' }, { bytes: idx([2049, 1], [0]), file: 'labs' }),
    ).toThrow(/labs: has 1 labels but imgs has 2 images/);
  });
});
