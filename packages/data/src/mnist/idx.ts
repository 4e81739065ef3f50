/**
 * The IDX format of MNIST (http://yann.lecun.com/exdb/mnist/): big-endian u32 magic, then one u32 per
 * dimension, then the unsigned bytes. Images: magic 0x00000803 (2051), count, rows, cols; labels: magic
 * 0x00000801 (2049), count. Works on decompressed bytes; gzip is undone by the Node entry.
 */
import { DataFormatError } from '../errors.js';

/** Magic number of an IDX file of unsigned-byte images (3 dimensions). */
export const IDX_IMAGES_MAGIC = 0x00000803;
/** Magic number of an IDX file of unsigned-byte labels (1 dimension). */
export const IDX_LABELS_MAGIC = 0x00000801;

/** Images read from an IDX3 file. */
export interface IdxImages {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  /** `count * rows * cols` bytes, row-major per image. */
  readonly pixels: Uint8Array;
}

const hex = (v: number): string => `0x${v.toString(16).padStart(8, '0')}`;

function readHeader(bytes: Uint8Array, file: string, magic: number, dims: number, what: string): number[] {
  const headerBytes = 4 + 4 * dims;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    throw new DataFormatError(file, 'is gzip-compressed; decompress it first (the @gapkit/data/node loaders do this)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = bytes.length >= 4 ? view.getUint32(0, false) : magic;
  if (found !== magic) {
    const other = found === IDX_IMAGES_MAGIC ? ' (that is the images magic)' : found === IDX_LABELS_MAGIC ? ' (that is the labels magic)' : '';
    throw new DataFormatError(file, `expected IDX ${what} magic number ${hex(magic)} (${magic}), found ${hex(found)} (${found})${other}`);
  }
  if (bytes.length < headerBytes) {
    throw new DataFormatError(file, `expected an IDX ${what} header of ${headerBytes} bytes (magic ${hex(magic)}), found only ${bytes.length} bytes`);
  }
  const shape: number[] = [];
  for (let d = 0; d < dims; d++) shape.push(view.getUint32(4 + 4 * d, false));
  const expected = headerBytes + shape.reduce((a, b) => a * b, 1);
  if (bytes.length !== expected) {
    throw new DataFormatError(
      file,
      `header says ${shape.join('×')} (${expected} bytes with the ${headerBytes}-byte header), found ${bytes.length} bytes` +
        (bytes.length < expected ? ' (truncated?)' : ''),
    );
  }
  return shape;
}

/**
 * Parses an IDX3 unsigned-byte image file.
 * @throws DataFormatError naming `file` on a wrong magic number, a gzip stream, or a size that does not
 *   match the header.
 */
export function parseIdxImages(bytes: Uint8Array, file: string): IdxImages {
  const [count, rows, cols] = readHeader(bytes, file, IDX_IMAGES_MAGIC, 3, 'images');
  return { count, rows, cols, pixels: bytes.slice(16) };
}

/**
 * Parses an IDX1 unsigned-byte label file; every label must be below `numClasses`.
 * @throws DataFormatError naming `file` on a wrong magic number, a size mismatch or an out-of-range label.
 */
export function parseIdxLabels(bytes: Uint8Array, file: string, numClasses = 10): Int32Array {
  const [count] = readHeader(bytes, file, IDX_LABELS_MAGIC, 1, 'labels');
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const y = bytes[8 + i];
    if (y >= numClasses) throw new DataFormatError(file, `label ${i} is ${y}, expected 0..${numClasses - 1}`);
    labels[i] = y;
  }
  return labels;
}
