/**
 * The CIFAR "binary version" record layout shared by CIFAR-10 and CIFAR-100: a plain concatenation of
 * fixed-size records, no header. Each record is `labelBytes` label bytes, then 3,072 pixel bytes: the red,
 * green and blue 32×32 planes, row-major — already NCHW planar, so pixels are copied as they are.
 * Source: https://www.cs.toronto.edu/~kriz/cifar.html ("Binary version").
 */
import { DataFormatError } from '../errors.js';

/** Pixels per CIFAR image: 3 planes of 32×32. */
export const CIFAR_PIXELS = 3 * 32 * 32;

/** Pixels and the label bytes of every record, unpacked. */
export interface CifarRecords {
  readonly n: number;
  /** `n * 3072` pixels, NCHW. */
  readonly images: Uint8Array;
  /** `labels[j]` holds label byte j of every record (CIFAR-10: one array, CIFAR-100: coarse then fine). */
  readonly labels: Int32Array[];
}

/**
 * Splits `bytes` into records of `labelBytes + 3072` bytes and checks every label byte is below its
 * class count (`classCounts[j]` for label byte j).
 * @throws DataFormatError naming `file`, the record size and the byte count when the size is not a
 *   positive multiple of the record size, or the record and value of the first out-of-range label.
 */
export function parseCifarRecords(bytes: Uint8Array, file: string, classCounts: readonly number[]): CifarRecords {
  const labelBytes = classCounts.length;
  const recordSize = labelBytes + CIFAR_PIXELS;
  if (bytes.length === 0 || bytes.length % recordSize !== 0) {
    const hint = guessRecordSize(bytes.length, recordSize);
    throw new DataFormatError(
      file,
      `expected a whole number of ${recordSize}-byte CIFAR records (${labelBytes} label byte${labelBytes > 1 ? 's' : ''} + 3072 pixels), ` +
        `found ${bytes.length} bytes (${bytes.length % recordSize} left over after ${Math.floor(bytes.length / recordSize)} records)${hint}`,
    );
  }
  const n = bytes.length / recordSize;
  const images = new Uint8Array(n * CIFAR_PIXELS);
  const labels = classCounts.map(() => new Int32Array(n));
  for (let k = 0; k < n; k++) {
    const at = k * recordSize;
    for (let j = 0; j < labelBytes; j++) {
      const y = bytes[at + j];
      if (y >= classCounts[j]) {
        throw new DataFormatError(
          file,
          `record ${k} (byte offset ${at + j}): label byte ${j} is ${y}, expected 0..${classCounts[j] - 1}` +
            ' (is this a CIFAR-100 file read as CIFAR-10, or the other way round?)',
        );
      }
      labels[j][k] = y;
    }
    images.set(bytes.subarray(at + labelBytes, at + recordSize), k * CIFAR_PIXELS);
  }
  return { n, images, labels };
}

function guessRecordSize(length: number, expected: number): string {
  for (const other of [3073, 3074]) {
    if (other !== expected && length > 0 && length % other === 0) {
      return `; the size is a multiple of ${other} — this looks like a ${other === 3073 ? 'CIFAR-10' : 'CIFAR-100'} file`;
    }
  }
  return '';
}
