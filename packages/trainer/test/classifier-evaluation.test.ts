/**
 * The classifier evaluation options the CIFAR experiments need: epoch evaluations on the first
 * `evalTestSize` test images and the final one on `finalTestSize` (or all); the full-batch gradient
 * norm of the mean cross-entropy over the first N training images per class (eval-mode BN, no
 * regularizer), which leaves the step's gradients, the BN statistics and the weights untouched.
 */
import { crossEntropy, tensor } from '@gapkit/autodiff';
import { describe, expect, it } from 'vitest';
import { type EvalRecord, firstPerClass, fullBatchGradientNorm, parseTrainConfig, Trainer, type TrainConfigInput } from '../src/index.js';
import { tinyImageData, tinyImages } from './fixtures.js';

const resnet = { name: 'resnet', options: { blocks: [1], widths: [4] } };
const base: TrainConfigInput = { model: resnet, dataset: { name: 'cifar10' }, optimizer: { name: 'sgd', options: { lr: 0.05, weightDecay: 5e-4 } }, epochs: 2, batchSize: 8, seed: 3, logEvery: 1 };

function evals(extra: Partial<TrainConfigInput>): EvalRecord[] {
  const out: EvalRecord[] = [];
  new Trainer(parseTrainConfig({ ...base, ...extra }, 'test'), tinyImageData()).run({ onEval: (r) => out.push(r) });
  return out;
}

describe('classifier evaluation subsets', () => {
  it('epoch evaluations use the first evalTestSize test images, the final one finalTestSize', () => {
    const e = evals({ evalTestSize: 3, finalTestSize: 5 });
    expect(e.map((r) => r.n)).toEqual([3, 5]);
  });

  it('without them every evaluation uses the whole test split (8 images)', () => {
    expect(evals({}).map((r) => r.n)).toEqual([8, 8]);
  });

  it('the final evaluation on all test images matches evaluating the trained model directly', () => {
    const t = new Trainer(parseTrainConfig({ ...base, evalTestSize: 2 }, 'test'), tinyImageData());
    const seen: EvalRecord[] = [];
    t.run({ onEval: (r) => seen.push(r) });
    const direct = t.evaluate(true);
    expect(seen[seen.length - 1].accuracy).toBe(direct.accuracy);
    expect(seen[seen.length - 1].loss).toBe(direct.loss);
    expect(t.evaluate(false).n).toBe(2);
  });
});

describe('firstPerClass', () => {
  it('takes the first N images of each class in data-set order', () => {
    const ds = tinyImages(12, 4, 4, 3); // labels 0,1,2,0,1,2,…
    const sub = firstPerClass(ds, 2);
    expect(Array.from(sub.labels)).toEqual([0, 1, 2, 0, 1, 2]);
    const size = 3 * 4 * 4;
    expect(Array.from(sub.images.subarray(3 * size, 4 * size))).toEqual(Array.from(ds.images.subarray(3 * size, 4 * size)));
  });

  it('rejects a perClass that is not a positive integer', () => {
    expect(() => firstPerClass(tinyImages(4, 1), 0)).toThrow(/perClass must be a positive integer, got 0/);
  });
});

describe('trainGradNormPerClass: full-batch gradient norm', () => {
  it('is reported at every evaluation, finite and positive', () => {
    const e = evals({ trainGradNormPerClass: 2 });
    expect(e).toHaveLength(2);
    for (const r of e) expect(r.trainGradNorm).toBeGreaterThan(0);
  });

  it('equals ‖∇ mean CE‖ computed in one batch by hand, and leaves gradients, BN buffers and weights as they were', () => {
    const data = tinyImageData();
    const t = new Trainer(parseTrainConfig(base, 'test'), data);
    t.run({}, 3);
    if (t.built.kind !== 'classifier') throw new Error('expected a classifier');
    const model = t.built.model;
    const params = model.parameters();
    const gradsBefore = params.map((p) => (p.grad ? Array.from(p.grad.data) : null));
    const weightsBefore = params.map((p) => Array.from(p.data));
    const buffers = () => model.namedBuffers().map(([, b]) => Array.from(b.data));
    const buffersBefore = buffers();
    const sub = firstPerClass(data.train, 3);
    // Two batches of 5 and 7 images must give the gradient of the mean over all 12.
    const norm = fullBatchGradientNorm(model, sub, data.normalization, 5);
    expect(model.training).toBe(true);
    expect(params.map((p) => (p.grad ? Array.from(p.grad.data) : null))).toEqual(gradsBefore);
    expect(params.map((p) => Array.from(p.data))).toEqual(weightsBefore);
    expect(buffers()).toEqual(buffersBefore);

    for (const p of params) p.grad = null;
    model.eval();
    const x = new Float32Array(sub.images.length);
    for (let i = 0; i < x.length; i++) x[i] = sub.images[i] / 255;
    crossEntropy(model.forward(tensor(x, [sub.n, sub.channels, sub.height, sub.width])), sub.labels, { reduction: 'mean' }).backward();
    model.train();
    let sq = 0;
    for (const p of params) for (const g of p.grad?.data ?? []) sq += g * g;
    expect(norm).toBeCloseTo(Math.sqrt(sq), 5);
    expect(norm).toBeGreaterThan(0);
  });
});

describe('config: the new evaluation and data options', () => {
  it('a bad value is an error naming the option and what it expects', () => {
    expect(() => parseTrainConfig({ ...base, dataset: { name: 'cifar10', normalization: 'train-stats' } } as unknown as TrainConfigInput, 'test')).toThrow(/dataset\.normalization must be one of papers, train-statistics/);
    expect(() => parseTrainConfig({ ...base, evalTestSize: 0 }, 'test')).toThrow(/evalTestSize must be an integer in \[1, ∞\]/);
    expect(() => parseTrainConfig({ ...base, trainGradNormPerClass: 1.5 }, 'test')).toThrow(/trainGradNormPerClass must be an integer/);
  });
});
