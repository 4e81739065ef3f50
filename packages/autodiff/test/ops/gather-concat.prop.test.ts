/**
 * `gatherConcat` / `embedConcat` against the two-op form they replace, `concat` of `gather`s: the same
 * bits forward and in every table's gradient (Uint32 views), on random widths, batch lengths and
 * repeated indices.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concat, Embedding, embedConcat, gather, gatherConcat, Rng, Tensor } from '../../src/index.js';
import { PROPERTY_RUNS, randomArray } from '../testing.js';

function bits(x: Float32Array): number[] {
  return Array.from(new Uint32Array(x.buffer, x.byteOffset, x.length));
}

/** Random values with +0 and −0 mixed in. */
function values(n: number, seed: number): Float32Array {
  const v = randomArray(n, seed);
  for (let i = 0; i < n; i += 5) v[i] = i % 10 === 0 ? -0 : 0;
  return v;
}

describe('gatherConcat', () => {
  it('equals concat of gathers bit for bit, forward and backward (repeated indices, a table without grad)', () => {
    const table = fc.record({ n: fc.integer({ min: 1, max: 9 }), d: fc.integer({ min: 1, max: 70 }), grad: fc.boolean() });
    fc.assert(
      fc.property(fc.array(table, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 30 }), fc.nat(), (specs, len, seed) => {
        const make = () => specs.map((s, k) => new Tensor(values(s.n * s.d, seed + k), [s.n, s.d], s.grad));
        const ids = specs.map((s, k) => Int32Array.from({ length: len }, (_, i) => (i * (k + 3) + seed) % s.n));
        const width = specs.reduce((w, s) => w + s.d, 0);
        const dy = values(len * width, seed + 99);
        const fused = make();
        const y = gatherConcat(fused, ids);
        const twoOp = make();
        const z = concat(twoOp.map((t, k) => gather(t, ids[k])), 1);
        expect(y.shape).toEqual(z.shape);
        expect(bits(y.data)).toEqual(bits(z.data));
        if (specs.some((s) => s.grad)) {
          y.backward(new Tensor(dy.slice(), [len, width]));
          z.backward(new Tensor(dy.slice(), [len, width]));
        }
        fused.forEach((t, k) => {
          if (!specs[k].grad) {
            expect(t.grad).toBeNull();
            return;
          }
          expect(bits(t.grad!.data)).toEqual(bits(twoOp[k].grad!.data));
        });
      }),
      { numRuns: PROPERTY_RUNS * 5 },
    );
  });

  it('names a bad index, a mismatched length and a table that is not [n, d]', () => {
    const t = new Tensor(new Float32Array(6), [3, 2]);
    expect(() => gatherConcat([t, t], [new Int32Array([0]), new Int32Array([3])])).toThrow(/gatherConcat: indices\[0\] = 3 is out of range for 3 rows/);
    expect(() => gatherConcat([t, t], [new Int32Array([0]), new Int32Array([0, 1])])).toThrow(/indices 1 has 2 entries, expected 1/);
    expect(() => gatherConcat([t], [new Int32Array([0]), new Int32Array([0])])).toThrow(/one index array per table, got 2 for 1/);
    expect(() => gatherConcat([new Tensor(new Float32Array(2), [2])], [new Int32Array([0])])).toThrow(/table 0 must be \[n, d\], got \[2\]/);
    expect(() => gatherConcat([], [])).toThrow(/at least one table/);
  });
});

describe('embedConcat', () => {
  it('equals concat of the embeddings’ forwards and names the embedding of a bad index', () => {
    const rng = new Rng(3);
    const users = new Embedding(5, 4, rng);
    const items = new Embedding(7, 3, rng);
    const u = new Int32Array([4, 0, 4, 2]);
    const i = new Int32Array([6, 6, 1, 0]);
    const joined = embedConcat([users, items], [u, i]);
    expect(bits(joined.data)).toEqual(bits(concat([users.forward(u), items.forward(i)], 1).data));
    expect(() => embedConcat([users, items], [u, new Int32Array([0, 1, 7, 0])])).toThrow(/Embedding\(7, 3\): indices\[2\] = 7 is out of range/);
  });
});
