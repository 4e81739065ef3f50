/** Property: decode(encode(x)) gives back x — every dtype, shape (scalars and empty tensors too) and metadata. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFloat32Safetensors, decodeSafetensors, type Dtype, dtypeSize, encodeFloat32Safetensors, encodeSafetensors, type SafeTensor } from '../src/index.js';

const DTYPE_NAMES: Dtype[] = ['BOOL', 'U8', 'I8', 'F8_E5M2', 'F8_E4M3', 'I16', 'U16', 'F16', 'BF16', 'I32', 'U32', 'F32', 'F64', 'I64', 'U64'];

const ARRAYS = {
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
} as const;

const tensorArb: fc.Arbitrary<SafeTensor> = fc
  .record({ dtype: fc.constantFrom(...DTYPE_NAMES), shape: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }) })
  .chain(({ dtype, shape }) => {
    const size = dtypeSize(dtype);
    const n = shape.reduce((a, b) => a * b, 1);
    // Random bytes cover every bit pattern, NaN payloads and negative zero included.
    return fc.uint8Array({ minLength: n * size, maxLength: n * size }).map((raw) => {
      const data = new ARRAYS[dtype](new Uint8Array(raw).buffer, 0, n);
      return { dtype, shape, data } as SafeTensor;
    });
  });

const nameArb = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s !== '__metadata__');

describe('round trip', () => {
  it('property: decode(encode(tensors, metadata)) equals the input, bit for bit', () => {
    fc.assert(
      fc.property(
        fc.dictionary(nameArb, tensorArb, { maxKeys: 6 }),
        fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 12 }), { maxKeys: 3 }), { nil: null }),
        (tensors, metadata) => {
          const bytes = encodeSafetensors(tensors, metadata);
          expect(new DataView(bytes.buffer).getUint32(0, true) % 8).toBe(0);
          const back = decodeSafetensors(bytes);
          expect(back.metadata === null ? null : { ...back.metadata }).toEqual(metadata === null ? null : { ...metadata });
          expect(Object.keys(back.tensors).sort()).toEqual(Object.keys(tensors).sort());
          for (const [name, t] of Object.entries(tensors)) {
            const b = back.tensors[name];
            expect(b.dtype).toBe(t.dtype);
            expect(b.shape).toEqual(t.shape);
            expect(new Uint8Array(b.data.buffer, b.data.byteOffset, b.data.byteLength)).toEqual(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
          }
          // Encoding is a function of the content alone: decoding and re-encoding reproduces the bytes.
          expect(encodeSafetensors(back.tensors, back.metadata)).toEqual(bytes);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('float32 convenience round-trips and refuses another dtype', () => {
    const w = new Float32Array([1, -0, Number.NaN, 3.5e-40]);
    const bytes = encodeFloat32Safetensors({ 'fc.weight': { shape: [2, 2], data: w } }, { step: '3' });
    const back = decodeFloat32Safetensors(bytes);
    expect(back.tensors['fc.weight'].shape).toEqual([2, 2]);
    expect(new Uint32Array(back.tensors['fc.weight'].data.buffer)).toEqual(new Uint32Array(w.buffer));
    expect({ ...back.metadata }).toEqual({ step: '3' });
    const mixed = encodeSafetensors({ n: { dtype: 'I32', shape: [1], data: new Int32Array([1]) } });
    expect(() => decodeFloat32Safetensors(mixed, 'ckpt.safetensors')).toThrow("ckpt.safetensors: tensor 'n' is I32; expected F32");
  });

  it('a subarray view is written from its own offset, not its buffer start', () => {
    const big = new Float32Array([9, 1, 2, 9]);
    const back = decodeFloat32Safetensors(encodeFloat32Safetensors({ v: { shape: [2], data: big.subarray(1, 3) } }));
    expect(Array.from(back.tensors.v.data)).toEqual([1, 2]);
  });
});
