import { describe, expect, it } from 'vitest';
import { add, assertFinite, exp, fromOp, mul, noGrad, relu, reshape, sum, Tensor, tensor } from '../src/index.js';

describe('graph and backward', () => {
  it('accumulates gradients across two backward() calls', () => {
    const x = tensor([1, 2], [2], { requiresGrad: true });
    sum(mul(x, 3)).backward();
    sum(mul(x, x)).backward();
    // 3 + 2x = [5, 7]
    expect(Array.from(x.grad!.data)).toEqual([5, 7]);
  });

  it('a second backward() through a freed graph is a clear error; retainGraph allows it', () => {
    const x = tensor([1, 2], [2], { requiresGrad: true });
    const loss = sum(mul(x, x));
    loss.backward();
    expect(() => loss.backward()).toThrow(/already backpropagated .* retainGraph: true/);
    // A new graph built on a freed intermediate fails the same way instead of silently stopping there.
    const h = mul(x, x);
    sum(h).backward();
    expect(() => sum(exp(h)).backward()).toThrow(/through 'mul' was already backpropagated/);

    const y = tensor([1, 2], [2], { requiresGrad: true });
    const kept = sum(mul(y, y));
    kept.backward(undefined, { retainGraph: true });
    kept.backward();
    // d(Σy²)/dy = 2y, twice
    expect(Array.from(y.grad!.data)).toEqual([4, 8]);
  });

  it('fan-out sums the contributions of every path', () => {
    const x = tensor([2], [1], { requiresGrad: true });
    // y = x·x + x → dy/dx = 2x + 1 = 5
    sum(add(mul(x, x), x)).backward();
    expect(x.grad!.data[0]).toBe(5);
  });

  it('noGrad builds no graph, even from inputs that require gradients', () => {
    const x = tensor([1, 2], [2], { requiresGrad: true });
    const y = noGrad(() => exp(mul(x, 2)));
    expect(y.node).toBeNull();
    expect(y.requiresGrad).toBe(false);
    expect(() => sum(y).backward()).toThrow(/does not require a gradient/);
  });

  it('ops on constants build no graph', () => {
    const y = mul(tensor([1], [1]), 2);
    expect(y.node).toBeNull();
  });

  it('a 20,000-node chain backpropagates without overflowing the stack', () => {
    const x = tensor([0.5], [1], { requiresGrad: true });
    let y: Tensor = x;
    for (let i = 0; i < 20_000; i++) y = add(y, 1e-4);
    sum(y).backward();
    expect(x.grad!.data[0]).toBe(1);
  });

  it('backward() on a non-scalar without a seed says what to do', () => {
    const x = tensor([1, 2], [2], { requiresGrad: true });
    expect(() => relu(x).backward()).toThrow(/backward\(\): called on a non-scalar .* without a seed/);
    relu(x).backward(tensor([1, 1], [2]));
    expect(Array.from(x.grad!.data)).toEqual([1, 1]);
    expect(() => relu(x).backward(tensor([1], [1]))).toThrow(/seed shape \[1\] differs from output shape \[2\]/);
  });

  it('gradients an op shares (dy handed on, one array for several inputs) are never written through', () => {
    // add hands dy's array to both inputs, reshape hands it back: fan-in must sum into a fresh array.
    const a = tensor([1, 2], [2], { requiresGrad: true });
    const s = add(a, a);
    sum(mul(add(reshape(s, [1, 2]), reshape(s, [1, 2])), tensor([1, 10], [1, 2]))).backward(undefined, { retainGraph: true });
    expect(Array.from(a.grad!.data)).toEqual([4, 40]);
    // Two leaves given the same (dy's) array each get their own copy, and the seed is not written.
    const p = tensor([0, 0], [2], { requiresGrad: true });
    const q = tensor([0, 0], [2], { requiresGrad: true });
    const seed = tensor([3, 5], [2]);
    add(p, q).backward(seed);
    expect(p.grad!.data).not.toBe(q.grad!.data);
    p.grad!.data.fill(7);
    expect(Array.from(q.grad!.data)).toEqual([3, 5]);
    expect(Array.from(seed.data)).toEqual([3, 5]);
  });

  it('a new array a backward returns for one input is taken without a copy and takes fan-in in place', () => {
    const made: Float32Array[] = [];
    const twice = (x: Tensor): Tensor =>
      fromOp('twice', x.data.map((v) => 2 * v), x.shape, [x], (dy) => {
        const g = dy.data.map((d) => 2 * d);
        made.push(g);
        return [new Tensor(g, x.shape)];
      });
    const x = tensor([1, -1, 2], [3], { requiresGrad: true });
    sum(twice(x)).backward();
    expect(x.grad!.data).toBe(made[0]);
    // Fan-in of two new arrays: the sum lands in one of them, and the result is exact.
    const y = tensor([1, 2], [2], { requiresGrad: true });
    made.length = 0;
    sum(add(twice(y), mul(twice(y), 3))).backward();
    expect(Array.from(y.grad!.data)).toEqual([8, 8]);
    expect(made.some((g) => g === y.grad!.data)).toBe(true);
  });

  it('intermediate tensors get no .grad (their gradients are freed during backward)', () => {
    const x = tensor([1, -1], [2], { requiresGrad: true });
    const h = mul(x, 2);
    sum(relu(h)).backward();
    expect(h.grad).toBeNull();
    expect(Array.from(x.grad!.data)).toEqual([2, 0]);
  });
});

describe('construction errors', () => {
  it('wrong data length names both counts and the shape', () => {
    expect(() => tensor([1, 2, 3], [2, 2])).toThrow(/tensor: got 3 values for shape \[2, 2\], which needs 4/);
    expect(() => new Tensor(new Float32Array(3), [2, 2])).toThrow(/data has 3 elements but shape \[2, 2\] needs 4/);
    expect(() => tensor([1], [-1])).toThrow(/must hold non-negative integers/);
  });

  it('the Tensor constructor names a wrong data type, shape or flag, and points plain numbers to tensor()', () => {
    const make = (data: unknown, shape: unknown, requiresGrad?: unknown) => () => new Tensor(data as Float32Array, shape as number[], requiresGrad as boolean);
    expect(make([1, 2], [2])).toThrow(/Tensor: data must be a Float32Array, got an Array of 2 values; build a tensor from numbers with tensor\(values, shape\), e\.g\. tensor\(\[1, 2\], \[2\]\)/);
    expect(make(new Float64Array(2), [2])).toThrow(/Tensor: data must be a Float32Array, got a Float64Array/);
    expect(make(undefined, [2])).toThrow(/Tensor: data must be a Float32Array, got undefined/);
    expect(make(new Float32Array(2), undefined)).toThrow(/Tensor: shape must be an array of axis sizes, got undefined/);
    expect(make(new Float32Array(2), 2)).toThrow(/Tensor: shape must be an array of axis sizes, got a number \(2\)/);
    expect(make(new Float32Array(2), [2.5])).toThrow(/Tensor: shape \[2\.5\] must hold non-negative integers, got 2\.5/);
    expect(make(new Float32Array(2), ['2'])).toThrow(/Tensor: shape \[2\] must hold non-negative integers, got a string \(2\)/);
    expect(make(new Float32Array(0), [Number.NaN])).toThrow(/must hold non-negative integers, got NaN/);
    expect(make(new Float32Array(2), [2], 1)).toThrow(/Tensor: requiresGrad must be a boolean, got a number \(1\)/);
    // Every one of these is an error the library wrote, never the runtime's own TypeError from later on.
    expect(new Tensor(new Float32Array(2), [2], true).requiresGrad).toBe(true);
    expect(new Tensor(new Float32Array(0), [0, 3]).size).toBe(0);
  });
});

describe('assertFinite', () => {
  it('names the first NaN or ±Inf', () => {
    expect(() => assertFinite(tensor([0, Number.NaN], [2]), 'loss')).toThrow(/loss: element 1 is NaN/);
    expect(() => assertFinite(new Float32Array([1, 2, -Infinity]), 'grad')).toThrow(/grad: element 2 is -Infinity/);
    expect(() => assertFinite(tensor([1, 2], [2]), 'ok')).not.toThrow();
  });
});
