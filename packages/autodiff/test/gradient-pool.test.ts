import { describe, expect, it } from 'vitest';
import { fromOp, gradArray, sum, Tensor, tensor } from '../src/index.js';

interface Seen {
  readonly dy: Float32Array;
  readonly out: Float32Array;
  /** What `gradArray` handed out, before the op wrote it. */
  readonly initial: number[];
}

/** y = 2x whose backward takes its array from `gradArray` and records what it saw. */
function doubled(x: Tensor, log: Seen[]): Tensor {
  return fromOp('doubled', x.data.map((v) => 2 * v), x.shape, [x], (dy) => {
    const out = gradArray(dy.size);
    log.push({ dy: dy.data, out, initial: Array.from(out) });
    for (let i = 0; i < out.length; i++) out[i] = 2 * dy.data[i];
    return [new Tensor(out, x.shape)];
  });
}

/** Identity whose backward hands dy on: as is, or as a view of dy's buffer. */
function passOn(x: Tensor, view: boolean): Tensor {
  return fromOp('passOn', x.data.slice(), x.shape, [x], (dy) => [new Tensor(view ? dy.data.subarray(0) : dy.data, x.shape)]);
}

describe('gradArray and the backward pool', () => {
  it('outside backward() is a new zero-filled array', () => {
    const a = gradArray(3);
    a[0] = 5;
    const b = gradArray(3);
    expect(b).not.toBe(a);
    expect(Array.from(b)).toEqual([0, 0, 0]);
  });

  it('inside backward() recycles a dead gradient the engine owned, zero-filled', () => {
    const log: Seen[] = [];
    const x = tensor([1, 2, 3], [3], { requiresGrad: true });
    sum(doubled(doubled(x, log), log)).backward();
    // Backward runs the outer op first: its dy (sum's gradient, [1, 1, 1]) is dead once it returns,
    // so the inner op's gradArray gets that very array back, cleared.
    expect(log).toHaveLength(2);
    expect(log[1].out).toBe(log[0].dy);
    expect(log[1].initial).toEqual([0, 0, 0]);
    expect(Array.from(x.grad!.data)).toEqual([4, 4, 4]);
  });

  for (const view of [false, true]) {
    it(`never recycles a dy the op handed on${view ? ' as a view' : ''}`, () => {
      const log: Seen[] = [];
      const x = tensor([1, 2, 3], [3], { requiresGrad: true });
      // backward order: sum, outer doubled, passOn (hands its dy on), inner doubled (reads that dy).
      sum(doubled(passOn(doubled(x, log), view), log)).backward();
      const [outer, inner] = log;
      expect(inner.dy.buffer).toBe(outer.out.buffer); // what passOn handed on
      expect(inner.out.buffer).not.toBe(inner.dy.buffer); // so it was not given out again while read
      expect(Array.from(x.grad!.data)).toEqual([4, 4, 4]);
    });
  }

  it('keeps nothing after backward(): the next pass starts empty', () => {
    const log: Seen[] = [];
    const x = tensor([1, 2], [2], { requiresGrad: true });
    sum(doubled(x, log)).backward();
    const y = tensor([1, 2], [2], { requiresGrad: true });
    sum(doubled(y, log)).backward();
    expect(log[1].out).not.toBe(log[0].dy);
  });
});
