/**
 * The files in the shared fixtures were written by the reference Python library (safetensors 0.8.0):
 * each decodes to exactly the dtypes, shapes, values and metadata of `expected.json`, and re-encoding
 * reproduces the file byte for byte where its README says the output is reproducible.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSafetensors, encodeSafetensors, toFloat64 } from '../src/index.js';
import { fixturesDir } from './shared-fixtures.js';

const dir = fixturesDir();

const NUMPY_TO_DTYPE: Record<string, string> = { float32: 'F32', float64: 'F64', float16: 'F16', int64: 'I64', int32: 'I32', uint8: 'U8', bool: 'BOOL' };

interface ExpectedCase {
  metadata: Record<string, string> | null;
  tensors: Record<string, { dtype: string; shape: number[]; values: number[] }>;
}

describe.skipIf(dir === null)('reference files (safetensors 0.8.0)', () => {
  const root = dir ?? '';
  const expected = (dir ? JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8')).cases : {}) as Record<string, ExpectedCase>;

  it('lists the three fixture files', () => {
    expect(Object.keys(expected).sort()).toEqual(['mixed_dtypes', 'small_f32', 'with_metadata']);
  });

  for (const name of ['small_f32', 'mixed_dtypes', 'with_metadata']) {
    it(`decodes ${name} exactly`, () => {
      const want = expected[name];
      const got = decodeSafetensors(readFileSync(join(root, `${name}.safetensors`)), name);
      expect(got.metadata).toEqual(want.metadata);
      expect(Object.keys(got.tensors).sort()).toEqual(Object.keys(want.tensors).sort());
      for (const [tname, w] of Object.entries(want.tensors)) {
        const t = got.tensors[tname];
        expect(t.dtype, tname).toBe(NUMPY_TO_DTYPE[w.dtype]);
        expect(t.shape, tname).toEqual(w.shape);
        expect(Array.from(toFloat64(t)), tname).toEqual(w.values);
      }
    });
  }

  for (const name of ['small_f32', 'mixed_dtypes']) {
    it(`re-encodes ${name} byte-identically`, () => {
      const bytes = new Uint8Array(readFileSync(join(root, `${name}.safetensors`)));
      const file = decodeSafetensors(bytes, name);
      // Shuffle the insertion order: the writer's order must not depend on it.
      const reversed = Object.fromEntries(Object.entries(file.tensors).reverse());
      expect(encodeSafetensors(reversed, file.metadata)).toEqual(bytes);
    });
  }

  it('re-encodes with_metadata to a file that decodes to the same tensors and metadata', () => {
    const bytes = new Uint8Array(readFileSync(join(root, 'with_metadata.safetensors')));
    const file = decodeSafetensors(bytes);
    const again = encodeSafetensors(file.tensors, file.metadata);
    // The reference writer's metadata key order is a hash map's; with the file's own order the bytes match too.
    expect(again).toEqual(bytes);
    expect(decodeSafetensors(again)).toEqual(file);
  });
});
