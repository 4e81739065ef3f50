/**
 * The fused BN → ReLU (`BatchNorm2d.forwardRelu`, `batchNorm(…, { relu: true })`) and add → ReLU
 * (`addRelu`) against the two ops each replaces, bit for bit: the output, the running statistics and
 * every gradient (x, γ, β; a, b), in training and eval mode, on random shapes and values that include
 * exact zeros, −0, values that normalize to tiny numbers and (for the forward) NaN.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, addRelu, BatchNorm2d, mul, relu, sum, Tensor } from '../../src/index.js';

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

const specialValue = fc.oneof(
  fc.float({ min: -4, max: 4, noNaN: true }),
  fc.constantFrom(0, -0, 1e-30, -1e-30, 1),
);

const batch = fc
  .record({ n: fc.integer({ min: 1, max: 3 }), c: fc.integer({ min: 1, max: 4 }), h: fc.integer({ min: 1, max: 3 }), w: fc.integer({ min: 1, max: 3 }) })
  .filter((s) => s.n * s.h * s.w >= 2)
  .chain((s) => fc.record({ shape: fc.constant([s.n, s.c, s.h, s.w]), x: fc.array(specialValue, { minLength: s.n * s.c * s.h * s.w, maxLength: s.n * s.c * s.h * s.w }), seed: fc.integer({ min: 0, max: 1000 }) }));

/** A BatchNorm2d with trained-looking γ, β and running statistics from `seed`. */
function layer(c: number, seed: number, training: boolean): BatchNorm2d {
  const bn = new BatchNorm2d(c);
  for (let ch = 0; ch < c; ch++) {
    bn.weight!.data[ch] = ((seed + 3 * ch) % 7) / 3 - 1;
    bn.bias!.data[ch] = ((seed + 5 * ch) % 5) / 4 - 0.5;
    bn.runningMean.data[ch] = ((seed + ch) % 3) / 2 - 0.5;
    bn.runningVar.data[ch] = 0.5 + ((seed + ch) % 4) / 4;
  }
  return training ? bn.train() : bn.eval();
}

/** Output, running stats and gradients of x, γ, β after backward of Σ y·r (r a fixed weighting). */
function run(shape: readonly number[], values: readonly number[], seed: number, training: boolean, fused: boolean) {
  const bn = layer(shape[1], seed, training);
  const x = new Tensor(Float32Array.from(values), shape, true);
  const y = fused ? bn.forwardRelu(x) : relu(bn.forward(x));
  const r = new Tensor(Float32Array.from(values, (_, i) => ((i * 7 + seed) % 11) / 5 - 1), shape);
  sum(mul(y, r)).backward();
  return { y: bits(y.data), rm: bits(bn.runningMean.data), rv: bits(bn.runningVar.data), dx: bits(x.grad!.data), dg: bits(bn.weight!.grad!.data), db: bits(bn.bias!.grad!.data) };
}

describe('fused batch norm + relu', () => {
  it('gives relu(batchNorm(x))’s bits: output, running statistics, dx, dγ, dβ (training and eval)', () => {
    fc.assert(
      fc.property(batch, fc.boolean(), ({ shape, x, seed }, training) => {
        expect(run(shape, x, seed, training, true)).toEqual(run(shape, x, seed, training, false));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a NaN of the normalized value in the forward output, as Math.max does', () => {
    const bn = layer(1, 0, false);
    const x = new Tensor(Float32Array.from([Number.NaN, 1]), [2, 1, 1, 1]);
    const fused = bn.forwardRelu(x);
    expect(Number.isNaN(fused.data[0])).toBe(true);
    expect(bits(fused.data)).toEqual(bits(relu(bn.forward(x)).data));
  });

  it('is one graph node (batchNormRelu) in training mode', () => {
    const x = new Tensor(Float32Array.from([1, -2, 3, -4]), [4, 1, 1, 1], true);
    const y = layer(1, 1, true).forwardRelu(x);
    expect(y.node?.op).toBe('batchNormRelu');
    expect(y.node?.inputs[0]).toBe(x);
  });
});

describe('fused add + relu', () => {
  const pair = fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.array(specialValue, { minLength: n, maxLength: n }), fc.array(specialValue, { minLength: n, maxLength: n })));

  /** Output and both gradients after backward of Σ y·r. */
  function run(av: readonly number[], bv: readonly number[], fused: boolean) {
    const a = new Tensor(Float32Array.from(av), [av.length], true);
    const b = new Tensor(Float32Array.from(bv), [bv.length], true);
    const y = fused ? addRelu(a, b) : relu(add(a, b));
    sum(mul(y, new Tensor(Float32Array.from(av, (_, i) => (i % 5) - 2), [av.length]))).backward();
    return { y: bits(y.data), da: bits(a.grad!.data), db: bits(b.grad!.data) };
  }

  it('gives relu(add(a, b))’s bits: output and both gradients', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(run(a, b, true)).toEqual(run(a, b, false));
      }),
      { numRuns: 200 },
    );
  });

  it('falls back to the two ops when the shapes broadcast, and add’s errors stay add’s', () => {
    const y = addRelu(new Tensor(Float32Array.from([1, -3]), [2, 1], true), new Tensor(Float32Array.from([1, 2]), [2]));
    expect(Array.from(y.data)).toEqual([2, 3, 0, 0]);
    expect(y.node?.op).toBe('relu');
    expect(() => addRelu(new Tensor(new Float32Array(2), [2]), new Tensor(new Float32Array(3), [3]))).toThrow(/add/);
  });
});
