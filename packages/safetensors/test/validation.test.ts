/** Every malformed file is refused with an error saying what was expected and what came. */
import { describe, expect, it } from 'vitest';
import { decodeSafetensors, encodeSafetensors, SafetensorsError } from '../src/index.js';

/** A file with header text `json` (padded with `pad` to `length`, when given) and `data` bytes. */
function file(json: string, data = 0, options: { pad?: string; length?: number } = {}): Uint8Array {
  const body = new TextEncoder().encode(json);
  const length = options.length ?? body.length;
  const out = new Uint8Array(8 + Math.max(length, body.length) + data);
  new DataView(out.buffer).setUint32(0, length, true);
  out.set(body, 8);
  if (options.pad) out.set(new TextEncoder().encode(options.pad), 8 + body.length);
  return out;
}

function decodeError(bytes: Uint8Array): string {
  try {
    decodeSafetensors(bytes, 'x.safetensors');
  } catch (e) {
    expect(e).toBeInstanceOf(SafetensorsError);
    return (e as Error).message;
  }
  throw new Error('expected decodeSafetensors to throw');
}

const ok = (name: string, dtype: string, shape: number[], begin: number, end: number) =>
  `"${name}":{"dtype":"${dtype}","shape":[${shape.join(',')}],"data_offsets":[${begin},${end}]}`;

describe('decodeSafetensors refuses', () => {
  it('a file shorter than the 8-byte length', () => {
    expect(decodeError(new Uint8Array(5))).toMatch(/^x\.safetensors: .*8-byte header length.*only 5 bytes/);
  });

  it('a header length beyond the end of the file', () => {
    const bytes = file('{}');
    new DataView(bytes.buffer).setUint32(0, 1000, true);
    expect(decodeError(bytes)).toMatch(/header length is 1000 bytes, beyond the end of the file \(2 bytes follow/);
  });

  it('a header length above 2^32 (the high word set)', () => {
    const bytes = file('{}');
    new DataView(bytes.buffer).setUint32(4, 1, true);
    expect(decodeError(bytes)).toMatch(/header length is 4294967298 bytes, beyond the end/);
  });

  it('bad JSON', () => {
    expect(decodeError(file('{"a":'))).toMatch(/not valid JSON|padded only with spaces/);
    expect(decodeError(file('{"a":1,}'))).toMatch(/not valid JSON/);
  });

  it('a header that is not an object', () => {
    expect(decodeError(file('[1,2]'))).toMatch(/must start with '\{'/);
  });

  it('invalid UTF-8 in the header', () => {
    const bytes = file('{"\u00e9":1}');
    bytes[10] = 0xff;
    expect(decodeError(bytes)).toMatch(/not valid UTF-8/);
  });

  it('padding that is not spaces (NUL bytes, a newline)', () => {
    expect(decodeError(file('{}', 0, { length: 8 }))).toMatch(/padded only with spaces \(0x20\)/);
    expect(decodeError(file('{}', 0, { pad: '\n     ', length: 8 }))).toMatch(/padded only with spaces/);
  });

  it('an unknown dtype, naming the tensor and the known ones', () => {
    expect(decodeError(file(`{${ok('w', 'F128', [1], 0, 16)}}`, 16))).toMatch(/tensor 'w': unknown dtype "F128"; expected one of BOOL, U8, .*F32, F64/);
  });

  it('a shape that is not non-negative integers', () => {
    expect(decodeError(file(`{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}}`))).toMatch(/tensor 'w': shape must be .* got \[-1\]/);
    expect(decodeError(file(`{"w":{"dtype":"F32","shape":[1.5],"data_offsets":[0,6]}}`, 6))).toMatch(/shape must be/);
  });

  it('bad data_offsets', () => {
    expect(decodeError(file(`{"w":{"dtype":"F32","shape":[1],"data_offsets":[4]}}`, 4))).toMatch(/data_offsets must be \[begin, end\]/);
    expect(decodeError(file(`{${ok('w', 'F32', [0], 4, 0)}}`, 4))).toMatch(/\[4, 0\] end before they begin/);
  });

  it('offsets beyond the data area', () => {
    expect(decodeError(file(`{${ok('w', 'F32', [2], 0, 8)}}`, 4))).toMatch(/tensor 'w': data_offsets \[0, 8\] reach beyond the data area \(4 bytes\)/);
  });

  it('a shape × dtype size that does not match the byte range', () => {
    expect(decodeError(file(`{${ok('w', 'F32', [3], 0, 8)}}`, 8))).toMatch(/shape \[3\] of F32 needs 12 bytes, data_offsets \[0, 8\] hold 8/);
  });

  it('overlapping tensors, naming both', () => {
    expect(decodeError(file(`{${ok('a', 'F32', [2], 0, 8)},${ok('b', 'F32', [1], 4, 8)}}`, 8))).toMatch(/'a' \[0, 8\] and 'b' \[4, 8\] overlap/);
  });

  it('a gap between tensors and bytes after the last one', () => {
    expect(decodeError(file(`{${ok('a', 'F32', [1], 4, 8)}}`, 8))).toMatch(/no tensor covers data bytes \[0, 4\)/);
    expect(decodeError(file(`{${ok('a', 'F32', [1], 0, 4)}}`, 8))).toMatch(/tensors end at data byte 4 but the data area has 8 bytes/);
  });

  it('unknown entry fields and non-string metadata', () => {
    expect(decodeError(file(`{"w":{"dtype":"F32","shape":[0],"data_offsets":[0,0],"order":"C"}}`))).toMatch(/unknown field 'order'/);
    expect(decodeError(file(`{"__metadata__":{"step":42}}`))).toMatch(/'__metadata__'\.step must be a string, got 42/);
  });
});

describe('decodeSafetensors accepts', () => {
  it('a header without padding and entries in any order', () => {
    const f = decodeSafetensors(file(`{${ok('b', 'U8', [2], 4, 6)},${ok('a', 'F32', [1], 0, 4)}}`, 6));
    expect(Object.keys(f.tensors)).toEqual(['b', 'a']);
    expect(f.metadata).toBeNull();
  });
});

describe('encodeSafetensors refuses', () => {
  it('a data array of the wrong type, naming the tensor', () => {
    expect(() => encodeSafetensors({ w: { dtype: 'F32', shape: [2], data: new Float64Array(2) as unknown as Float32Array } })).toThrow(
      /tensor 'w': dtype F32 is held in a Float32Array, got a Float64Array/,
    );
  });

  it('a shape that does not match the element count', () => {
    expect(() => encodeSafetensors({ w: { dtype: 'F32', shape: [2, 2], data: new Float32Array(3) } })).toThrow(/shape \[2, 2\] has 4 elements, data has 3/);
  });

  it('an unknown dtype and the reserved name', () => {
    expect(() => encodeSafetensors({ w: { dtype: 'Q4', shape: [1], data: new Uint8Array(1) } as never })).toThrow(/unknown dtype "Q4"/);
    expect(() => encodeSafetensors({ __metadata__: { dtype: 'U8', shape: [1], data: new Uint8Array(1) } })).toThrow(/reserved/);
  });
});
