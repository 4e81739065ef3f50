/**
 * The safetensors reader. It checks everything before it trusts it: the header length against the file,
 * the header's UTF-8 and JSON, its padding (spaces only), every entry's dtype, shape and offsets, that
 * each tensor's byte range matches shape × dtype size, and that the ranges tile the data area exactly —
 * no overlap, no gap, nothing after the last tensor. It does not depend on the order of the entries.
 */
import { DTYPES, dtypeSize, isDtype, viewLittleEndian } from './dtype.js';
import { METADATA_KEY } from './encode.js';
import { SafetensorsError } from './error.js';
import { elementCount, type SafeTensor, type SafetensorsFile, type SafetensorsMetadata } from './tensor.js';

/** The reference library's limit on the header size (100 MB); a larger one is refused before parsing. */
export const MAX_HEADER_BYTES = 100_000_000;

interface Entry {
  readonly name: string;
  readonly dtype: (typeof DTYPES)[number];
  readonly shape: number[];
  readonly begin: number;
  readonly end: number;
}

function fail(source: string, message: string): never {
  throw new SafetensorsError(`${source}: ${message}`);
}

function describe(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function parseHeaderLength(bytes: Uint8Array, source: string): number {
  if (bytes.length < 8) fail(source, `a safetensors file starts with an 8-byte header length, but the file has only ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
  const n = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
  if (n > bytes.length - 8) fail(source, `the header length is ${n} bytes, beyond the end of the file (${bytes.length - 8} bytes follow the length)`);
  if (n > MAX_HEADER_BYTES) fail(source, `the header length is ${n} bytes; expected at most ${MAX_HEADER_BYTES}`);
  if (n < 2) fail(source, `the header length is ${n} bytes; expected a JSON object of at least 2 bytes`);
  return n;
}

function parseHeaderJson(raw: Uint8Array, source: string): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    fail(source, 'the header is not valid UTF-8');
  }
  if (!text.startsWith('{')) fail(source, `the header must start with '{', got ${describe(text.slice(0, 16))}`);
  const trimmed = text.replace(/ +$/, '');
  if (!trimmed.endsWith('}')) {
    fail(source, `the header must be a JSON object padded only with spaces (0x20); it ends with ${describe(text.slice(-16))}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (e) {
    fail(source, `the header is not valid JSON (${(e as Error).message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) fail(source, `the header must be a JSON object, got ${describe(parsed)}`);
  return parsed as Record<string, unknown>;
}

function parseMetadata(value: unknown, source: string): SafetensorsMetadata {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(source, `'${METADATA_KEY}' must be an object of strings, got ${describe(value)}`);
  const out: SafetensorsMetadata = Object.create(null);
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') fail(source, `'${METADATA_KEY}'.${k} must be a string, got ${describe(v)}`);
    out[k] = v;
  }
  return out;
}

const ENTRY_KEYS = ['dtype', 'shape', 'data_offsets'];

function parseEntry(name: string, value: unknown, dataLength: number, source: string): Entry {
  const where = `tensor '${name}'`;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(source, `${where}: expected an object {dtype, shape, data_offsets}, got ${describe(value)}`);
  const v = value as Record<string, unknown>;
  for (const k of Object.keys(v)) if (!ENTRY_KEYS.includes(k)) fail(source, `${where}: unknown field '${k}'; expected only ${ENTRY_KEYS.join(', ')}`);
  if (!isDtype(v.dtype)) fail(source, `${where}: unknown dtype ${describe(v.dtype)}; expected one of ${DTYPES.join(', ')}`);
  const shape = v.shape;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    fail(source, `${where}: shape must be an array of non-negative integers, got ${describe(shape)}`);
  }
  const offsets = v.data_offsets;
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isSafeInteger(o) && o >= 0)) {
    fail(source, `${where}: data_offsets must be [begin, end] with non-negative integers, got ${describe(offsets)}`);
  }
  const [begin, end] = offsets as [number, number];
  if (end < begin) fail(source, `${where}: data_offsets [${begin}, ${end}] end before they begin`);
  if (end > dataLength) fail(source, `${where}: data_offsets [${begin}, ${end}] reach beyond the data area (${dataLength} bytes)`);
  const expected = elementCount(shape) * dtypeSize(v.dtype);
  if (end - begin !== expected) {
    fail(source, `${where}: shape [${shape.join(', ')}] of ${v.dtype} needs ${expected} bytes, data_offsets [${begin}, ${end}] hold ${end - begin}`);
  }
  return { name, dtype: v.dtype, shape: shape as number[], begin, end };
}

/** The ranges must tile [0, dataLength): sorted by begin, each starts where the previous ended. */
function checkTiling(entries: readonly Entry[], dataLength: number, source: string): void {
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  let previous: Entry | undefined;
  for (const e of sorted) {
    if (e.begin < at && previous) {
      fail(source, `tensors '${previous.name}' [${previous.begin}, ${previous.end}] and '${e.name}' [${e.begin}, ${e.end}] overlap`);
    }
    if (e.begin > at) fail(source, `no tensor covers data bytes [${at}, ${e.begin}); expected contiguous tensors`);
    at = e.end;
    previous = e;
  }
  if (at !== dataLength) fail(source, `the tensors end at data byte ${at} but the data area has ${dataLength} bytes`);
}

/**
 * Decodes a safetensors file. `source` (a file name, say) starts every error message.
 * @throws SafetensorsError saying what was expected and what came.
 */
export function decodeSafetensors(bytes: Uint8Array, source = 'safetensors'): SafetensorsFile {
  if (!(bytes instanceof Uint8Array)) fail(source, `expected the file's bytes as a Uint8Array, got ${describe(bytes)}`);
  const n = parseHeaderLength(bytes, source);
  const header = parseHeaderJson(bytes.subarray(8, 8 + n), source);
  const data = bytes.subarray(8 + n);
  let metadata: SafetensorsMetadata | null = null;
  const entries: Entry[] = [];
  for (const [name, value] of Object.entries(header)) {
    if (name === METADATA_KEY) metadata = parseMetadata(value, source);
    else entries.push(parseEntry(name, value, data.length, source));
  }
  checkTiling(entries, data.length, source);
  // Null-prototype maps: a tensor named `__proto__` is a tensor, not a prototype.
  const tensors: Record<string, SafeTensor> = Object.create(null);
  for (const e of entries) {
    tensors[e.name] = { dtype: e.dtype, shape: e.shape, data: viewLittleEndian(e.dtype, data.subarray(e.begin, e.end)) } as SafeTensor;
  }
  return { tensors, metadata };
}
