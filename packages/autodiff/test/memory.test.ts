/**
 * Repeated forward/backward must not leak: the graph hangs only off the loss tensor, parameters keep
 * nothing but their `.grad`, so once the loss is dropped the whole graph is collectable.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { add, crossEntropy, Linear, mul, ReLU, Rng, randn, relu, Sequential, sum, type Tensor, tensor } from '../src/index.js';

function exposeGc(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

const gc = exposeGc();
if (!gc) console.warn('memory tests skipped: this Node does not allow exposing gc() at runtime');

const nextTask = () => new Promise((r) => setTimeout(r, 0));

function step(net: Sequential, x: Tensor, labels: Int32Array): { loss: WeakRef<Tensor>; hidden: WeakRef<Tensor> } {
  net.zeroGrad();
  const hidden = net.layers[0].forward(x);
  let h = hidden;
  for (const layer of net.layers.slice(1)) h = layer.forward(h);
  const loss = crossEntropy(h, labels);
  loss.backward();
  return { loss: new WeakRef(loss), hidden: new WeakRef(hidden) };
}

describe.skipIf(!gc)('memory', () => {
  const rng = new Rng(11);
  const net = new Sequential(new Linear(64, 128, rng), new ReLU(), new Linear(128, 10, rng));
  const x = randn([32, 64], rng);
  const labels = Int32Array.from({ length: 32 }, (_, i) => i % 10);

  it('the graph of a finished step is collected once the loss is dropped', async () => {
    const refs = step(net, x, labels);
    await nextTask(); // WeakRef targets stay alive until the end of the current job
    gc!();
    expect(refs.loss.deref()).toBeUndefined();
    expect(refs.hidden.deref()).toBeUndefined();
    expect(net.parameters().every((p) => p.grad !== null && p.grad.node === null)).toBe(true);
  });

  it('the graph does not keep an intermediate tensor that no backward needs', async () => {
    const x = tensor(Array.from({ length: 1000 }, (_, i) => i - 500), [1000], { requiresGrad: true });
    const weak = (() => {
      const a = add(x, 0.5); // relu's backward reads its own output, add's needs only shapes
      return { a: new WeakRef(a), loss: sum(mul(relu(a), 2)) };
    })();
    await nextTask();
    gc!();
    expect(weak.a.deref()).toBeUndefined();
    weak.loss.backward();
    expect(Array.from(x.grad!.data.subarray(498, 502))).toEqual([0, 0, 2, 2]);
  });

  it('none of 300 finished steps keeps its graph alive', async () => {
    // Counting survivors is deterministic where a byte count is not: ArrayBuffer backing stores are
    // freed by a background sweeper, so heap+arrayBuffers deltas swung by ±30 MB between runs.
    const refs: WeakRef<Tensor>[] = [];
    for (let i = 0; i < 300; i++) {
      const r = step(net, x, labels);
      refs.push(r.loss, r.hidden);
    }
    await nextTask();
    gc!();
    await nextTask();
    gc!();
    const alive = refs.filter((r) => r.deref() !== undefined).length;
    expect(alive).toBe(0);
  });

  it('the JS heap (graph nodes, closures, tensors) does not grow with the number of steps', async () => {
    for (let i = 0; i < 20; i++) step(net, x, labels);
    await nextTask();
    gc!();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 300; i++) step(net, x, labels);
    await nextTask();
    gc!();
    const grown = process.memoryUsage().heapUsed - before;
    // Keeping every step's loss alive grows the JS heap by far more than this bound (each retained
    // graph holds its Tensor objects, nodes and backward closures); a clean run stays within noise.
    expect(grown).toBeLessThan(1024 * 1024);
  });

  it('backward() frees the activations a step saved, even while the loss is still referenced', async () => {
    let h: Tensor | null = net.layers[0].forward(x);
    const hidden = new WeakRef(h);
    const loss = crossEntropy(net.layers[2].forward(net.layers[1].forward(h)), labels);
    h = null;
    loss.backward();
    await nextTask();
    gc!();
    expect(hidden.deref()).toBeUndefined();
    expect(loss.item()).toBeGreaterThan(0); // the loss itself is still alive and usable
  });
});
