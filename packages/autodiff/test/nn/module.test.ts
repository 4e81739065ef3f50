import { describe, expect, it } from 'vitest';
import { BatchNorm2d, Conv2d, crossEntropy, GlobalAvgPool2d, Linear, Module, ReLU, Rng, randn, Sequential, type Tensor } from '../../src/index.js';

class Net extends Module {
  readonly features: Sequential;
  readonly head: Linear;

  constructor(rng: Rng) {
    super();
    this.features = new Sequential(new Conv2d(3, 4, 3, rng, { padding: 1, bias: false }), new BatchNorm2d(4), new ReLU(), new GlobalAvgPool2d());
    this.head = new Linear(4, 3, rng);
  }

  forward(x: Tensor): Tensor {
    return this.head.forward(this.features.forward(x));
  }
}

describe('Module', () => {
  it('names parameters by dotted path and sets layer and role metadata', () => {
    const net = new Net(new Rng(0));
    const named = net.namedParameters();
    expect(named.map(([n]) => n)).toEqual(['features.layers.0.weight', 'features.layers.1.weight', 'features.layers.1.bias', 'head.weight', 'head.bias']);
    const meta = Object.fromEntries(named.map(([n, p]) => [n, p.meta]));
    expect(meta['features.layers.0.weight'].layer).toBe('features.layers.0');
    expect(meta['features.layers.0.weight'].role).toBe('weight');
    expect(meta['features.layers.0.weight'].unitAxes).toEqual([1, 2, 3]);
    expect(meta['features.layers.1.weight'].role).toBe('norm-scale');
    expect(meta['features.layers.1.bias'].role).toBe('norm-shift');
    expect(meta['head.weight'].unitAxes).toEqual([1]);
    expect(meta['head.bias'].role).toBe('bias');
    expect(net.namedBuffers().map(([n]) => n)).toEqual(['features.layers.1.runningMean', 'features.layers.1.runningVar']);
    expect(net.numParameters()).toBe(4 * 3 * 9 + 4 + 4 + 3 * 4 + 3);
  });

  it('train()/eval() reach every descendant', () => {
    const net = new Net(new Rng(0));
    net.eval();
    expect(net.namedModules().every(([, m]) => !m.training)).toBe(true);
    net.train();
    expect(net.namedModules().every(([, m]) => m.training)).toBe(true);
  });

  it('zeroGrad clears every gradient after a backward pass', () => {
    const rng = new Rng(1);
    const net = new Net(rng);
    crossEntropy(net.forward(randn([2, 3, 4, 4], rng)), new Int32Array([0, 2])).backward();
    expect(net.parameters().every((p) => p.grad !== null)).toBe(true);
    net.zeroGrad();
    expect(net.parameters().every((p) => p.grad === null)).toBe(true);
  });

  it('stateDict → loadStateDict round trip restores parameters and buffers into a fresh model', () => {
    const rng = new Rng(2);
    const a = new Net(rng);
    a.forward(randn([2, 3, 4, 4], rng)); // moves the BatchNorm running statistics
    const b = new Net(new Rng(99));
    b.loadStateDict(a.stateDict());
    const sa = a.stateDict();
    const sb = b.stateDict();
    expect(Object.keys(sb)).toEqual(Object.keys(sa));
    for (const k of Object.keys(sa)) expect(Array.from(sb[k].data)).toEqual(Array.from(sa[k].data));
    expect(Array.from(sb['features.layers.1.runningMean'].data)).not.toEqual([0, 0, 0, 0]);
    // the dict holds copies: changing the model later does not change a saved dict
    b.head.weight.data[0] += 1;
    expect(sb['head.weight'].data[0]).toBe(sa['head.weight'].data[0]);
  });

  it('loadStateDict refuses missing, unknown and mis-shaped entries and changes nothing', () => {
    const net = new Net(new Rng(3));
    const before = net.stateDict();
    const missing = { ...before };
    delete missing['head.bias'];
    expect(() => net.loadStateDict(missing)).toThrow(/loadStateDict: missing 'head.bias'/);
    expect(() => net.loadStateDict({ ...before, extra: { shape: [1], data: new Float32Array(1) } })).toThrow(/unknown 'extra'/);
    const bad = { ...before, 'head.weight': { shape: [4, 3], data: new Float32Array(12).fill(7) } };
    expect(() => net.loadStateDict(bad)).toThrow(/'head.weight' has shape \[4, 3\] \(12 values\), expected \[3, 4\]/);
    expect(Array.from(net.head.weight.data)).toEqual(Array.from(before['head.weight'].data));
  });
});
