/**
 * Bit for bit: N steps straight equals k steps, checkpoint (through bytes and JSON), a fresh trainer,
 * restore, N − k steps — with shuffling and augmentation on, on a tiny CNN and on NCF.
 */
import { describe, expect, it } from 'vitest';
import { captureCheckpoint, parseTrainConfig, restoreCheckpoint, syntheticNcfData, type TaskData, Trainer, type TrainConfigInput } from '../src/index.js';
import { copyThroughBytes, tinyImageData } from './fixtures.js';

function weightsOf(t: Trainer): Record<string, Float32Array> {
  const out: Record<string, Float32Array> = {};
  for (const [k, v] of Object.entries(captureCheckpoint(t).tensors)) out[k] = v.data;
  return out;
}

function expectBitwiseEqual(a: Record<string, Float32Array>, b: Record<string, Float32Array>): void {
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  for (const k of Object.keys(a)) {
    const x = new Uint32Array(a[k].buffer, a[k].byteOffset, a[k].length);
    const y = new Uint32Array(b[k].buffer, b[k].byteOffset, b[k].length);
    expect(Array.from(y), k).toEqual(Array.from(x));
  }
}

function resumeMatches(input: TrainConfigInput, data: () => TaskData, k: number): { straight: Trainer; resumed: Trainer } {
  const config = parseTrainConfig(input, 'test');
  const straight = new Trainer(config, data());
  straight.run();
  const first = new Trainer(config, data());
  first.run({}, k);
  expect(first.step).toBe(k);
  const saved = copyThroughBytes(captureCheckpoint(first));
  // The last N − k steps do move the weights (the comparison below is not between two idle models).
  expect(saved.tensors).not.toEqual(captureCheckpoint(straight).tensors);
  const resumed = new Trainer(config, data());
  restoreCheckpoint(resumed, saved, 'test checkpoint');
  resumed.run();
  expect(resumed.step).toBe(straight.step);
  expectBitwiseEqual(weightsOf(straight), weightsOf(resumed));
  expect(captureCheckpoint(resumed).meta.rng).toEqual(captureCheckpoint(straight).meta.rng);
  return { straight, resumed };
}

const cnn = { name: 'resnet', options: { widths: [4, 4, 4], blocks: [1, 1, 1] } };
// 24 images, batch 5 → 5 steps per epoch; N = 12 steps, stop at k = 7 (mid-epoch 2).
const optimizers: Array<[string, Record<string, unknown>]> = [
  ['adam', {}],
  ['padam', {}],
  ['nd-adam', {}],
  ['adams', {}],
  ['adam-lawn', { freeSteps: 9 }],
];

describe('exact resume on a tiny CNN with shuffling and augmentation', () => {
  for (const [name, options] of optimizers) {
    it(`${name}: 12 steps straight = 7 steps, resume, 5 steps`, () => {
      const { straight } = resumeMatches(
        { model: cnn, dataset: { name: 'cifar10', augment: true }, optimizer: { name, options }, epochs: 3, maxSteps: 12, batchSize: 5, seed: 3, logEvery: 4 },
        tinyImageData,
        7,
      );
      if (name === 'adam-lawn') expect(straight.optimizer.stateDict().extra.switched).toBe(true);
    });
  }
});

describe('exact resume with dropout (its own stream, saved per layer)', () => {
  it('adam on a WRN-10 with dropout 0.3: resumed equals straight', () => {
    const { straight } = resumeMatches(
      { model: { name: 'wrn', options: { depth: 10, widenFactor: 0.25, dropRate: 0.3 } }, dataset: { name: 'cifar10', augment: true }, optimizer: { name: 'adam' }, epochs: 2, batchSize: 6, seed: 8 },
      tinyImageData,
      3,
    );
    expect(Object.keys(captureCheckpoint(straight).meta.dropout).length).toBeGreaterThan(0);
  });
});

describe('exact resume on NCF (synthetic-implicit)', () => {
  const data = () => syntheticNcfData(5, { numUsers: 30, numItems: 150, minPerUser: 5, maxPerUser: 12 });
  for (const [name, options] of optimizers) {
    it(`${name}: resumed mid-epoch equals straight`, () => {
      resumeMatches(
        { model: { name: 'ncf-gmf', options: {} }, dataset: { name: 'synthetic-implicit', numNegatives: 2 }, optimizer: { name, options }, epochs: 5, maxSteps: 16, batchSize: 64, seed: 4 },
        data,
        5,
      );
    });
  }
});
