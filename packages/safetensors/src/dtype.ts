/**
 * The safetensors element types gapkit reads and writes: byte size, the typed array that holds raw
 * elements, and the rank the reference writer sorts by (its `Dtype` enum order, BOOL lowest).
 *
 * F16, BF16 and the two FP8 formats have no JS typed array of their own; their elements are kept as raw
 * bits (`Uint16Array` / `Uint8Array`) and `toFloat64` (./to-float64.ts) converts them to numbers.
 */

export const DTYPES = ['BOOL', 'U8', 'I8', 'F8_E5M2', 'F8_E4M3', 'I16', 'U16', 'F16', 'BF16', 'I32', 'U32', 'F32', 'F64', 'I64', 'U64'] as const;

/** A safetensors dtype name, e.g. `'F32'`. */
export type Dtype = (typeof DTYPES)[number];

/** The typed array that holds the elements of each dtype. */
export interface DtypeArrays {
  BOOL: Uint8Array;
  U8: Uint8Array;
  I8: Int8Array;
  F8_E5M2: Uint8Array;
  F8_E4M3: Uint8Array;
  I16: Int16Array;
  U16: Uint16Array;
  F16: Uint16Array;
  BF16: Uint16Array;
  I32: Int32Array;
  U32: Uint32Array;
  F32: Float32Array;
  F64: Float64Array;
  I64: BigInt64Array;
  U64: BigUint64Array;
}

/** Any typed array a tensor's `data` may be. */
export type TensorData = DtypeArrays[Dtype];

type ArrayCtor = { new (buffer: ArrayBuffer, byteOffset?: number, length?: number): TensorData; readonly BYTES_PER_ELEMENT: number; readonly name: string };

const CTORS: Record<Dtype, ArrayCtor> = {
  BOOL: Uint8Array,
  U8: Uint8Array,
  I8: Int8Array,
  F8_E5M2: Uint8Array,
  F8_E4M3: Uint8Array,
  I16: Int16Array,
  U16: Uint16Array,
  F16: Uint16Array,
  BF16: Uint16Array,
  I32: Int32Array,
  U32: Uint32Array,
  F32: Float32Array,
  F64: Float64Array,
  I64: BigInt64Array,
  U64: BigUint64Array,
};

/** Whether `name` is a dtype this package knows. */
export function isDtype(name: unknown): name is Dtype {
  return typeof name === 'string' && (DTYPES as readonly string[]).includes(name);
}

/** Bytes per element of `dtype`. */
export function dtypeSize(dtype: Dtype): number {
  return CTORS[dtype].BYTES_PER_ELEMENT;
}

/** The position of `dtype` in the reference writer's enum (higher is written first). */
export function dtypeRank(dtype: Dtype): number {
  return DTYPES.indexOf(dtype);
}

/** The constructor name of the typed array `dtype` is held in, e.g. `'Float32Array'`. */
export function arrayNameOf(dtype: Dtype): string {
  return CTORS[dtype].name;
}

/** Whether `data` is the typed array `dtype` is held in. */
export function matchesDtype(dtype: Dtype, data: unknown): boolean {
  return data instanceof CTORS[dtype];
}

/** A fresh, aligned typed array of `dtype` over a copy of `bytes` (little-endian on disk). */
export function viewLittleEndian(dtype: Dtype, bytes: Uint8Array): TensorData {
  const size = dtypeSize(dtype);
  // A copy into a fresh buffer (not `bytes.slice()`: a Node Buffer's slice is a view into a shared pool).
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  if (size > 1 && !HOST_LITTLE_ENDIAN) swapBytes(copy, size);
  return new CTORS[dtype](copy.buffer, 0, copy.length / size);
}

/** The little-endian bytes of `data` (a view when the host is little-endian). */
export function littleEndianBytes(data: TensorData): Uint8Array {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data.BYTES_PER_ELEMENT === 1 || HOST_LITTLE_ENDIAN) return bytes;
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  swapBytes(copy, data.BYTES_PER_ELEMENT);
  return copy;
}

const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function swapBytes(bytes: Uint8Array, size: number): void {
  for (let i = 0; i < bytes.length; i += size) bytes.subarray(i, i + size).reverse();
}
