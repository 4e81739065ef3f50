import { describe, expect, it } from 'vitest';
import { concat, expand, flatten, pad, permute, reshape, slice, sum, tensor, transpose } from '../../src/index.js';

// x = [[0, 1, 2],
//      [3, 4, 5]]  shape [2, 3]
const x = () => tensor([0, 1, 2, 3, 4, 5], [2, 3]);

describe('shape ops: forward', () => {
  it('reshape keeps row-major order and infers one −1', () => {
    const y = reshape(x(), [3, -1]);
    expect(y.shape).toEqual([3, 2]);
    expect(Array.from(y.data)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('reshape refuses a size change, naming both shapes', () => {
    expect(() => reshape(x(), [4, 2])).toThrow(/reshape: cannot reshape \[2, 3\] \(6 elements\) to \[4, 2\] \(8 elements\); sizes must match/);
    expect(() => reshape(x(), [-1, -1])).toThrow(/at most one −1/);
  });

  it('transpose / permute', () => {
    // xᵀ = [[0, 3], [1, 4], [2, 5]]
    expect(Array.from(transpose(x(), 0, 1).data)).toEqual([0, 3, 1, 4, 2, 5]);
    // t [2, 1, 3] → permute [2, 0, 1] gives shape [3, 2, 1], element (k, i, 0) = t[i, 0, k]
    const t = reshape(x(), [2, 1, 3]);
    const p = permute(t, [2, 0, 1]);
    expect(p.shape).toEqual([3, 2, 1]);
    expect(Array.from(p.data)).toEqual([0, 3, 1, 4, 2, 5]);
    expect(() => permute(t, [0, 0, 1])).toThrow(/permute: axes \[0, 0, 1\] must be a permutation of 0..2/);
  });

  it('expand repeats size-1 axes and adds leading ones', () => {
    const y = expand(tensor([1, 2], [2, 1]), [2, 2, 3]);
    expect(Array.from(y.data)).toEqual([1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2]);
    expect(() => expand(tensor([1, 2], [2]), [3])).toThrow(/expand: shapes \[2\] and \[3\] cannot broadcast/);
    expect(() => expand(tensor([1, 2], [1, 2]), [2])).toThrow(/expand: cannot expand \[1, 2\] to \[2\]/);
  });

  it('slice takes a box; negative bounds count from the end; trailing axes default to whole', () => {
    // rows 0..1, columns 1..2 → [[1, 2], [4, 5]]
    expect(Array.from(slice(x(), [0, 1], [2, 3]).data)).toEqual([1, 2, 4, 5]);
    // row −1 only, all columns → [3, 4, 5]
    expect(Array.from(slice(x(), [-1], [2]).data)).toEqual([3, 4, 5]);
    expect(() => slice(x(), [0, 2], [2, 1])).toThrow(/slice: axis 1 of \[2, 3\]: start 2 and end 1 must satisfy 0 ≤ start ≤ end ≤ 3/);
  });

  it('pad adds a constant border', () => {
    // [[0,1,2],[3,4,5]] padded with 1 row above, 1 column right, value 9
    const y = pad(x(), [[1, 0], [0, 1]], 9);
    expect(y.shape).toEqual([3, 4]);
    expect(Array.from(y.data)).toEqual([9, 9, 9, 9, 0, 1, 2, 9, 3, 4, 5, 9]);
    expect(() => pad(x(), [[1, 1]])).toThrow(/pad: got 1 \[before, after\] pairs for \[2, 3\]; need one per axis \(2\)/);
  });

  it('concat joins along an axis', () => {
    const y = concat([x(), tensor([6, 7], [2, 1])], 1);
    expect(y.shape).toEqual([2, 4]);
    expect(Array.from(y.data)).toEqual([0, 1, 2, 6, 3, 4, 5, 7]);
    expect(Array.from(concat([x(), x()], 0).data)).toEqual([0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5]);
    expect(() => concat([x(), tensor([1, 2], [1, 2])], 0)).toThrow(/concat: shapes \[2, 3\] and \[1, 2\] differ outside axis 0/);
    expect(() => concat([x()], 2)).toThrow(/concat: axis 2 is out of range/);
  });

  it('flatten merges from startAxis', () => {
    expect(flatten(tensor(new Float32Array(24), [2, 3, 2, 2])).shape).toEqual([2, 12]);
    expect(flatten(tensor(new Float32Array(24), [2, 3, 2, 2]), 2).shape).toEqual([2, 3, 4]);
  });

  it('backward of slice / pad / concat / expand places gradients where the values came from', () => {
    const t = tensor([0, 1, 2, 3, 4, 5], [2, 3], { requiresGrad: true });
    sum(slice(t, [1, 1], [2, 3])).backward();
    expect(Array.from(t.grad!.data)).toEqual([0, 0, 0, 0, 1, 1]);
    const e = tensor([1, 2], [2, 1], { requiresGrad: true });
    sum(expand(e, [2, 2, 3])).backward();
    expect(Array.from(e.grad!.data)).toEqual([6, 6]); // each value repeated 2·3 times
  });
});
