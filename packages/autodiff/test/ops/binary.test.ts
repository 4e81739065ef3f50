import { describe, expect, it } from 'vitest';
import { add, div, mul, sub, sum, tensor } from '../../src/index.js';
import { expectClose } from '../testing.js';

// a = [1, 2, 3] (shape [3]) against b = [[10], [20]] (shape [2, 1]) broadcasts to [2, 3].
const a = () => tensor([1, 2, 3], [3]);
const b = () => tensor([10, 20], [2, 1]);

describe('elementwise binary ops: forward', () => {
  it('add broadcasts [3] + [2, 1] → [2, 3]', () => {
    const y = add(a(), b());
    expect(y.shape).toEqual([2, 3]);
    // row 0: 1+10, 2+10, 3+10; row 1: 1+20, 2+20, 3+20
    expect(Array.from(y.data)).toEqual([11, 12, 13, 21, 22, 23]);
  });

  it('sub, mul, div broadcast the same way', () => {
    // 1−10, 2−10, 3−10, 1−20, 2−20, 3−20
    expect(Array.from(sub(a(), b()).data)).toEqual([-9, -8, -7, -19, -18, -17]);
    // 1·10, 2·10, 3·10, 1·20, 2·20, 3·20
    expect(Array.from(mul(a(), b()).data)).toEqual([10, 20, 30, 20, 40, 60]);
    // 1/10, 2/10, 3/10, 1/20, 2/20, 3/20 (float32-rounded)
    expectClose(div(a(), b()), [0.1, 0.2, 0.3, 0.05, 0.1, 0.15], { rtol: 1e-7 });
  });

  it('accept a number as the second operand', () => {
    // [1,2,3] + 0.5, − 0.5, · 2, / 4
    expect(Array.from(add(a(), 0.5).data)).toEqual([1.5, 2.5, 3.5]);
    expect(Array.from(sub(a(), 0.5).data)).toEqual([0.5, 1.5, 2.5]);
    expect(Array.from(mul(a(), 2).data)).toEqual([2, 4, 6]);
    expect(Array.from(div(a(), 4).data)).toEqual([0.25, 0.5, 0.75]);
  });

  it('reject shapes that do not broadcast, naming the op, both shapes and the rule', () => {
    const x = tensor([1, 2, 3], [3]);
    const y = tensor([1, 2], [2]);
    expect(() => mul(x, y)).toThrow(/mul: shapes \[3\] and \[2\] cannot broadcast: axis -1 has sizes 3 and 2 \(each pair must be equal or contain a 1\)/);
  });
});

describe('elementwise binary ops: backward sums over broadcast axes', () => {
  it('mul: d(a·b)/da = b summed over the broadcast rows; d/db = a summed over columns', () => {
    const x = tensor([1, 2, 3], [3], { requiresGrad: true });
    const y = tensor([10, 20], [2, 1], { requiresGrad: true });
    sum(mul(x, y)).backward();
    // da_j = Σ_i b_i = 10 + 20 = 30 for every j
    expect(Array.from(x.grad!.data)).toEqual([30, 30, 30]);
    // db_i = Σ_j a_j = 1 + 2 + 3 = 6
    expect(Array.from(y.grad!.data)).toEqual([6, 6]);
    expect(y.grad!.shape).toEqual([2, 1]);
  });

  it('sub and div gradients of the second operand have the right sign', () => {
    const x = tensor([4], [1], { requiresGrad: true });
    const y = tensor([2], [1], { requiresGrad: true });
    sum(sub(x, y)).backward();
    expect([x.grad!.data[0], y.grad!.data[0]]).toEqual([1, -1]);
    x.grad = null;
    y.grad = null;
    sum(div(x, y)).backward();
    // d(4/2)/dx = 1/2, d(4/2)/dy = −4/2² = −1
    expect([x.grad!.data[0], y.grad!.data[0]]).toEqual([0.5, -1]);
  });
});
