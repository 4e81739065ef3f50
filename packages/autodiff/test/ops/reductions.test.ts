import { describe, expect, it } from 'vitest';
import { max, mean, sum, tensor } from '../../src/index.js';

// x = [[1, 5, 3],
//      [4, 2, 6]]   shape [2, 3]
const x = (requiresGrad = false) => tensor([1, 5, 3, 4, 2, 6], [2, 3], { requiresGrad });

describe('reductions: forward', () => {
  it('sum over all axes, one axis, negative axis, keepDims', () => {
    expect(sum(x()).shape).toEqual([]);
    expect(sum(x()).item()).toBe(21); // 1+5+3+4+2+6
    expect(Array.from(sum(x(), 0).data)).toEqual([5, 7, 9]); // 1+4, 5+2, 3+6
    expect(Array.from(sum(x(), -1).data)).toEqual([9, 12]); // 1+5+3, 4+2+6
    expect(sum(x(), 1, true).shape).toEqual([2, 1]);
    expect(sum(x(), [0, 1], true).shape).toEqual([1, 1]);
  });

  it('mean divides by the reduced count', () => {
    expect(mean(x()).item()).toBe(3.5); // 21/6
    expect(Array.from(mean(x(), 1).data)).toEqual([3, 4]); // 9/3, 12/3
  });

  it('max over axes', () => {
    expect(max(x()).item()).toBe(6);
    expect(Array.from(max(x(), 0).data)).toEqual([4, 5, 6]);
    expect(Array.from(max(x(), 1, true).data)).toEqual([5, 6]);
  });

  it('axis out of range names the op, the axis and the rank', () => {
    expect(() => sum(x(), 2)).toThrow(/sum: axis 2 is out of range for a tensor of rank 2 \(expected -2..1\)/);
    expect(() => max(x(), -3)).toThrow(/max: axis -3 is out of range/);
    expect(() => mean(x(), [0, 0])).toThrow(/mean: axes \[0, 0\] name an axis twice/);
  });
});

describe('reductions: backward', () => {
  it('sum broadcasts dy back over the reduced axis', () => {
    const t = x(true);
    sum(sum(t, 1)).backward();
    expect(Array.from(t.grad!.data)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('mean spreads 1/count', () => {
    const t = x(true);
    mean(t).backward();
    expect(Array.from(t.grad!.data)).toEqual(new Array(6).fill(1 / 6).map(Math.fround));
  });

  it('max routes the gradient to the first maximum only', () => {
    const t = tensor([3, 7, 7, 1], [4], { requiresGrad: true });
    max(t).backward();
    expect(Array.from(t.grad!.data)).toEqual([0, 1, 0, 0]);
  });
});
