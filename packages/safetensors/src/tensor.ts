/** The tensor and file shapes the reader returns and the writer takes. */
import type { Dtype, DtypeArrays } from './dtype.js';

/** One tensor: its dtype, its shape (`[]` for a scalar) and its row-major elements. */
export type SafeTensor = { [D in Dtype]: { readonly dtype: D; readonly shape: readonly number[]; readonly data: DtypeArrays[D] } }[Dtype];

/** The `__metadata__` map: string keys to string values. */
export type SafetensorsMetadata = Record<string, string>;

/** A decoded file: tensors by name (in the file's header order) and its metadata (`null` when absent). */
export interface SafetensorsFile {
  readonly tensors: Record<string, SafeTensor>;
  readonly metadata: SafetensorsMetadata | null;
}

/** The number of elements of `shape` (1 for a scalar). */
export function elementCount(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
