import { describe, expect, it } from 'vitest';
import { BatchNorm1d, BatchNorm2d, batchNorm, Rng, randn, Sequential, type Tensor, tensor, zeros } from '../../src/index.js';

/** The running statistics' bytes, to compare exactly. */
const bytes = (t: Tensor): number[] => Array.from(new Uint8Array(t.data.buffer.slice(0)));

function poisoned(x: Tensor, index: number, value: number): Tensor {
  const d = x.data.slice();
  d[index] = value;
  return tensor(d, x.shape);
}

describe('BatchNorm with a non-finite training batch', () => {
  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
    it(`throws naming the layer and leaves the running statistics byte-identical (${bad})`, () => {
      const rng = new Rng(3);
      const bn = new BatchNorm2d(3);
      const net = new Sequential(bn);
      net.namedParameters(); // names the layer 'layers.0', as an optimizer's parameter walk does
      const clean = randn([4, 3, 2, 2], rng);
      net.forward(clean); // one clean step so the stats are not their initial values
      const mean0 = bytes(bn.runningMean);
      const var0 = bytes(bn.runningVar);
      // index 5: sample 0, channel 1 (each channel plane holds 4 values)
      expect(() => net.forward(poisoned(clean, 5, bad))).toThrow(
        /BatchNorm2d\(3\) 'layers\.0': the training batch \[4, 3, 2, 2\] has non-finite statistics \(channel 1: .*running statistics left unchanged/,
      );
      expect(bytes(bn.runningMean)).toEqual(mean0);
      expect(bytes(bn.runningVar)).toEqual(var0);
      net.eval();
      expect(net.forward(clean).data.every(Number.isFinite)).toBe(true);
    });
  }

  it("nonFinite: 'skip' returns the batch's output but does not fold it into the running statistics", () => {
    const bn = new BatchNorm1d(2, { nonFinite: 'skip' });
    const x = tensor([1, 2, 3, 4, 5, 6], [3, 2]);
    bn.forward(x);
    const mean0 = bytes(bn.runningMean);
    const var0 = bytes(bn.runningVar);
    const y = bn.forward(poisoned(x, 0, Number.NaN));
    expect(y.data[0]).toBeNaN();
    expect(bytes(bn.runningMean)).toEqual(mean0);
    expect(bytes(bn.runningVar)).toEqual(var0);
    // a clean batch afterwards still updates them
    bn.forward(x);
    expect(bytes(bn.runningMean)).not.toEqual(mean0);
  });

  it('an unnamed layer names its class; a bad nonFinite option is refused', () => {
    const bn = new BatchNorm1d(2);
    expect(() => bn.forward(tensor([1, Number.NaN, 3, 4], [2, 2]))).toThrow(/^BatchNorm1d\(2\): the training batch \[2, 2\]/);
    expect(() => new BatchNorm1d(2, { nonFinite: 'ignore' as 'skip' })).toThrow(/BatchNorm1d: nonFinite must be 'throw' or 'skip', got ignore/);
  });

  it('the functional batchNorm does the same, naming `name` (default batchNorm)', () => {
    const runningMean = zeros([2]);
    const runningVar = tensor([1, 1], [2]);
    const o = { gamma: null, beta: null, runningMean, runningVar, training: true, momentum: 0.1, eps: 1e-5 };
    const x = tensor([1, 2, Number.POSITIVE_INFINITY, 4], [2, 2]);
    expect(() => batchNorm(x, o)).toThrow(/^batchNorm: the training batch \[2, 2\] has non-finite statistics \(channel 0/);
    expect(() => batchNorm(x, { ...o, name: 'head.bn' })).toThrow(/^head\.bn: /);
    expect(Array.from(runningMean.data)).toEqual([0, 0]);
    expect(Array.from(runningVar.data)).toEqual([1, 1]);
  });
});
