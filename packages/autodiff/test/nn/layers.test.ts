import { describe, expect, it } from 'vitest';
import {
  AvgPool2d,
  BatchNorm1d,
  BatchNorm2d,
  Conv2d,
  Dropout,
  Embedding,
  Flatten,
  GlobalAvgPool2d,
  LeakyReLU,
  Linear,
  MaxPool2d,
  ReLU,
  Rng,
  randn,
  Sequential,
  sum,
  tensor,
} from '../../src/index.js';

const within = (data: Float32Array, bound: number) => data.every((v) => Math.abs(v) <= bound);

describe('Linear', () => {
  it('PyTorch default init: weight and bias in U(±1/√in), shapes and metadata', () => {
    const l = new Linear(16, 8, new Rng(0));
    expect(l.weight.shape).toEqual([8, 16]);
    expect(l.bias!.shape).toEqual([8]);
    expect(within(l.weight.data, 1 / 4)).toBe(true); // 1/√16
    expect(within(l.bias!.data, 1 / 4)).toBe(true);
    // the bound is actually approached (not a much narrower init): max |w| over 128 uniforms > 0.9·bound
    expect(Math.max(...Array.from(l.weight.data, Math.abs))).toBeGreaterThan(0.9 / 4);
    expect(l.weight.meta.unitAxes).toEqual([1]);
    expect(new Linear(2, 2, new Rng(0), { bias: false }).bias).toBeNull();
    expect(() => new Linear(0, 2, new Rng(0))).toThrow(/Linear: inFeatures must be a positive integer, got 0/);
  });

  it('forward maps [N, in] → [N, out]', () => {
    const l = new Linear(3, 2, new Rng(1));
    expect(l.forward(randn([5, 3], new Rng(2))).shape).toEqual([5, 2]);
  });
});

describe('Conv2d', () => {
  it('PyTorch default init bound 1/√(in·kh·kw), metadata, forward shape', () => {
    const c = new Conv2d(2, 4, [3, 1], new Rng(0), { stride: [2, 1], padding: [1, 0] });
    expect(c.weight.shape).toEqual([4, 2, 3, 1]);
    expect(within(c.weight.data, 1 / Math.sqrt(6))).toBe(true);
    expect(within(c.bias!.data, 1 / Math.sqrt(6))).toBe(true);
    expect(c.weight.meta.unitAxes).toEqual([1, 2, 3]);
    // H: ⌊(5 + 2 − 3)/2⌋ + 1 = 3; W: ⌊(4 − 1)/1⌋ + 1 = 4
    expect(c.forward(randn([1, 2, 5, 4], new Rng(1))).shape).toEqual([1, 4, 3, 4]);
  });
});

describe('BatchNorm2d / BatchNorm1d', () => {
  it('parameters, buffers and initial values', () => {
    const bn = new BatchNorm2d(3);
    expect(Array.from(bn.weight!.data)).toEqual([1, 1, 1]);
    expect(Array.from(bn.bias!.data)).toEqual([0, 0, 0]);
    expect(bn.weight!.meta.role).toBe('norm-scale');
    expect(bn.bias!.meta.role).toBe('norm-shift');
    expect(Array.from(bn.runningVar.data)).toEqual([1, 1, 1]);
  });

  it('fixedScale: no weight parameter; output scaled by the constant', () => {
    const bn = new BatchNorm1d(2, { fixedScale: 2 });
    expect(bn.weight).toBeNull();
    expect(bn.parameters().map((p) => p.meta.role)).toEqual(['norm-shift']);
    // column 0: [0, 2] → x̂ = [−1, 1] → 2·x̂ = [−2, 2] (eps makes it 1 − 1e−5 relative smaller)
    const y = bn.forward(tensor([0, 5, 2, 5], [2, 2]));
    expect(y.data[0]).toBeCloseTo(-2, 4);
    expect(y.data[2]).toBeCloseTo(2, 4);
  });

  it('train mode updates running stats, eval mode uses them and updates nothing', () => {
    const bn = new BatchNorm2d(1, { momentum: 0.5 });
    const x = tensor([1, 3, 5, 7], [1, 1, 2, 2]);
    bn.forward(x);
    // mean 4, unbiased var 20/3 → runningMean 0.5·0 + 0.5·4 = 2, runningVar 0.5·1 + 0.5·20/3
    expect(bn.runningMean.data[0]).toBeCloseTo(2, 6);
    expect(bn.runningVar.data[0]).toBeCloseTo(0.5 + 10 / 3, 5);
    bn.eval();
    const y = bn.forward(x);
    expect(bn.runningMean.data[0]).toBeCloseTo(2, 6);
    // (1 − 2)/√(0.5 + 10/3 + 1e−5)
    expect(y.data[0]).toBeCloseTo(-1 / Math.sqrt(0.5 + 10 / 3 + 1e-5), 5);
  });

  it('rejects input of the wrong rank or channel count', () => {
    expect(() => new BatchNorm2d(3).forward(tensor(new Float32Array(6), [2, 3]))).toThrow(
      /BatchNorm2d\(3\): expected input of rank 4 with 3 channels on axis 1, got \[2, 3\]/,
    );
    expect(() => new BatchNorm1d(2).forward(tensor(new Float32Array(6), [2, 3]))).toThrow(/BatchNorm1d\(2\)/);
  });
});

describe('Embedding', () => {
  it('init std, role, lookup, and a clear error for a bad index', () => {
    const e = new Embedding(1000, 8, new Rng(0), { std: 0.5 });
    expect(e.weight.meta.role).toBe('embedding');
    let q = 0;
    for (const v of e.weight.data) q += v * v;
    expect(Math.sqrt(q / 8000)).toBeGreaterThan(0.45);
    expect(Math.sqrt(q / 8000)).toBeLessThan(0.55);
    const y = e.forward(new Int32Array([3, 3]));
    expect(Array.from(y.data.subarray(0, 8))).toEqual(Array.from(e.weight.data.subarray(24, 32)));
    expect(() => e.forward(new Int32Array([0, 1000]))).toThrow(/Embedding\(1000, 8\): indices\[1\] = 1000 is out of range for 1000 rows/);
  });
});

describe('activations, dropout, pooling, flatten, Sequential', () => {
  it('ReLU and LeakyReLU', () => {
    expect(Array.from(new ReLU().forward(tensor([-1, 2], [2])).data)).toEqual([0, 2]);
    expect(Array.from(new LeakyReLU(0.5).forward(tensor([-1, 2], [2])).data)).toEqual([-0.5, 2]);
  });

  it('Dropout follows train()/eval()', () => {
    const d = new Dropout(0.5, new Rng(4));
    const x = tensor(new Float32Array(100).fill(1), [100]);
    expect(d.forward(x).data.some((v) => v === 0)).toBe(true);
    d.eval();
    expect(d.forward(x)).toBe(x);
  });

  it('pooling layers and Flatten', () => {
    const x = randn([2, 3, 4, 4], new Rng(5));
    expect(new MaxPool2d(2).forward(x).shape).toEqual([2, 3, 2, 2]);
    expect(new AvgPool2d(3, 1).forward(x).shape).toEqual([2, 3, 2, 2]);
    expect(new GlobalAvgPool2d().forward(x).shape).toEqual([2, 3]);
    expect(new Flatten().forward(x).shape).toEqual([2, 48]);
  });

  it('Sequential chains layers, names them layers.<i>, trains end to end', () => {
    const rng = new Rng(6);
    const net = new Sequential(new Conv2d(1, 2, 3, rng, { padding: 1 }), new ReLU(), new MaxPool2d(2), new Flatten(), new Linear(8, 1, rng));
    expect(net.namedParameters().map(([n]) => n)).toEqual(['layers.0.weight', 'layers.0.bias', 'layers.4.weight', 'layers.4.bias']);
    sum(net.forward(randn([2, 1, 4, 4], rng))).backward();
    expect(net.parameters().every((p) => p.grad !== null && p.grad.shape.join() === p.shape.join())).toBe(true);
  });
});
