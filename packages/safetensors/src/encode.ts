/**
 * The safetensors writer: an 8-byte little-endian header length, a JSON header padded with spaces to a
 * multiple of 8 bytes, then every tensor's little-endian bytes, contiguous, in the header's order.
 *
 * The order is the reference writer's (Python `safetensors` 0.8.0, which sorts by dtype in its enum order,
 * highest first, then by name), and `__metadata__` comes first — so gapkit's files are byte-identical to
 * the reference library's for the same tensors (metadata keys are written in the order given).
 */
import { type Dtype, dtypeRank, dtypeSize, isDtype, littleEndianBytes, matchesDtype, arrayNameOf, DTYPES } from './dtype.js';
import { SafetensorsError } from './error.js';
import { elementCount, type SafeTensor, type SafetensorsMetadata } from './tensor.js';

export const METADATA_KEY = '__metadata__';

/** Compares two names by Unicode code point (the byte order of their UTF-8), as the reference writer does. */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = (x[i].codePointAt(0) ?? 0) - (y[i].codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function checkTensor(name: string, t: SafeTensor): void {
  const where = `encodeSafetensors: tensor '${name}'`;
  if (name.length === 0) throw new SafetensorsError('encodeSafetensors: a tensor name must not be empty');
  if (name === METADATA_KEY) throw new SafetensorsError(`encodeSafetensors: '${METADATA_KEY}' is reserved for the metadata map, not a tensor name`);
  if (!isDtype(t.dtype)) throw new SafetensorsError(`${where}: unknown dtype ${JSON.stringify(t.dtype)}; expected one of ${DTYPES.join(', ')}`);
  if (!Array.isArray(t.shape) || !t.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new SafetensorsError(`${where}: shape must be an array of non-negative integers, got ${JSON.stringify(t.shape)}`);
  }
  if (!matchesDtype(t.dtype, t.data)) {
    const got = t.data === null || typeof t.data !== 'object' ? typeof t.data : t.data.constructor.name;
    throw new SafetensorsError(`${where}: dtype ${t.dtype} is held in a ${arrayNameOf(t.dtype)}, got a ${got}`);
  }
  const n = elementCount(t.shape);
  if (t.data.length !== n) {
    throw new SafetensorsError(`${where}: shape [${t.shape.join(', ')}] has ${n} elements, data has ${t.data.length}`);
  }
}

function checkMetadata(metadata: SafetensorsMetadata): void {
  for (const [k, v] of Object.entries(metadata)) {
    if (typeof v !== 'string') throw new SafetensorsError(`encodeSafetensors: metadata '${k}' must be a string, got ${typeof v}`);
  }
}

/**
 * Encodes `tensors` (and an optional string→string `metadata` map) as a safetensors file. A metadata map
 * given — even an empty one — is written as `__metadata__`; `undefined` or `null` writes none.
 * @throws SafetensorsError naming the tensor when a dtype is unknown, the data is not the dtype's typed
 *   array, or the shape does not match the element count.
 */
export function encodeSafetensors(tensors: Record<string, SafeTensor>, metadata?: SafetensorsMetadata | null): Uint8Array {
  const names = Object.keys(tensors);
  for (const name of names) checkTensor(name, tensors[name]);
  if (metadata !== undefined && metadata !== null) checkMetadata(metadata);
  names.sort((a, b) => dtypeRank(tensors[b].dtype) - dtypeRank(tensors[a].dtype) || compareCodePoints(a, b));

  let offset = 0;
  const entries: string[] = [];
  if (metadata !== undefined && metadata !== null) entries.push(`${JSON.stringify(METADATA_KEY)}:${JSON.stringify(metadata)}`);
  for (const name of names) {
    const t = tensors[name];
    const end = offset + t.data.length * dtypeSize(t.dtype as Dtype);
    entries.push(`${JSON.stringify(name)}:{"dtype":"${t.dtype}","shape":[${t.shape.join(',')}],"data_offsets":[${offset},${end}]}`);
    offset = end;
  }
  const json = new TextEncoder().encode(`{${entries.join(',')}}`);
  const headerLength = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + headerLength + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, headerLength, true);
  view.setUint32(4, Math.floor(headerLength / 2 ** 32), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerLength);
  let at = 8 + headerLength;
  for (const name of names) {
    const bytes = littleEndianBytes(tensors[name].data);
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}
