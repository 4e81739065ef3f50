/**
 * Nothing fails silently: a NaN that appears mid-run stops it naming the step and the op (from the
 * re-run with anomaly mode, or from `detectAnomaly: true`), and leaves weights, optimizer, BN buffers
 * and every stream exactly as they were before the failed step; under `nonFinite: 'skip'` such steps
 * are skipped, counted in the step lines and kept across a resume; `logLayers` logs ‖Δw‖/‖w‖ and ‖w‖.
 */
import { describe, expect, it } from 'vitest';
import { Parameter, Tensor } from '@gapkit/autodiff';
import { Adam, OptimizerError } from '@gapkit/optimizers';
import { captureCheckpoint, NonFiniteError, optimizerFailure, parseTrainConfig, restoreCheckpoint, type StepRecord, Trainer, type TrainConfigInput } from '../src/index.js';
import { copyThroughBytes, tinyImageData } from './fixtures.js';

// WRN-10 with dropout: BatchNorm buffers, dropout streams and augmentation are all in play.
const wrn = { name: 'wrn', options: { depth: 10, widenFactor: 0.25, dropRate: 0.3 } };
const base: TrainConfigInput = { model: wrn, dataset: { name: 'cifar10', augment: true }, optimizer: { name: 'adam' }, epochs: 3, batchSize: 6, seed: 8, logEvery: 1 };

function trainer(extra: Partial<TrainConfigInput> = {}): Trainer {
  return new Trainer(parseTrainConfig({ ...base, ...extra }, 'test'), tinyImageData());
}

/** The first conv weight (its NaN reaches every later op). */
function firstWeight(t: Trainer) {
  const p = t.model.parameters().find((q) => q.shape.length === 4);
  if (!p) throw new Error('no conv weight');
  return p;
}

/** Poisons the first conv weight after step `at`; returns what was captured just after poisoning. */
function poisonAfter(t: Trainer, at: number): { error: unknown; before: ReturnType<typeof captureCheckpoint> | null } {
  let before: ReturnType<typeof captureCheckpoint> | null = null;
  let error: unknown = null;
  try {
    t.run({
      onStep: (r) => {
        if (r.step !== at) return;
        firstWeight(t).data[3] = Number.NaN;
        before = copyThroughBytes(captureCheckpoint(t));
      },
    });
  } catch (e) {
    error = e;
  }
  return { error, before };
}

describe('a NaN mid-run', () => {
  it('stops at the next step naming the op, and the re-run changes no state (weights, optimizer, BN buffers, streams)', () => {
    const t = trainer();
    const { error, before } = poisonAfter(t, 3);
    expect(error).toBeInstanceOf(NonFiniteError);
    const e = error as NonFiniteError;
    expect(e.step).toBe(4);
    // BatchNorm's guard fired first; the anomaly re-run names the conv that made the NaN from the poisoned weight.
    expect(e.details.source).toBe('batch-norm');
    expect(e.op).toMatch(/conv/i);
    expect(e.message).toMatch(/step 4: .*non-finite statistics.*re-run with anomaly mode on: op '.*conv.*' \(forward\)/is);
    expect(e.details.anomaly?.badInput).not.toBeNull();
    expect(t.step).toBe(3);
    if (!before) throw new Error('not captured');
    const after = copyThroughBytes(captureCheckpoint(t));
    expect(after.meta).toEqual(before.meta); // every stream (augment, dropout), step, epoch, optimizer counters
    expect(Object.keys(after.tensors)).toEqual(Object.keys(before.tensors));
    for (const [k, v] of Object.entries(before.tensors)) {
      expect(Buffer.from(after.tensors[k].data.buffer).equals(Buffer.from(v.data.buffer)), k).toBe(true); // NaN-safe byte compare
    }
  });

  it('with detectAnomaly on, the run itself names the op at the failing step', () => {
    const t = trainer({ detectAnomaly: true });
    const { error } = poisonAfter(t, 2);
    expect(error).toBeInstanceOf(NonFiniteError);
    const e = error as NonFiniteError;
    expect(e.step).toBe(3);
    expect(e.details.source).toBe('anomaly');
    expect(e.op).toMatch(/conv/i);
    expect(e.message).toMatch(/anomaly \(forward\): op '/);
  });

  it("under nonFinite 'skip' the poisoned steps are skipped, counted, change nothing, and the count survives a resume", () => {
    const t = trainer({ optimizer: { name: 'adam', options: { nonFinite: 'skip' } }, maxSteps: 9 });
    const w = firstWeight(t);
    let saved = 0;
    const records: StepRecord[] = [];
    let atPoison: Record<string, Float32Array> = {};
    const weights = () => Object.fromEntries(Object.entries(captureCheckpoint(t).tensors).map(([k, v]) => [k, v.data.slice()]));
    t.run({
      onStep: (r) => {
        records.push(r);
        if (r.step === 3) {
          saved = w.data[3];
          w.data[3] = Number.NaN;
          atPoison = weights();
        }
        if (r.step === 5) {
          // Steps 4 and 5 were skipped: every weight, buffer and optimizer tensor is as it was.
          const now = weights();
          for (const [k, v] of Object.entries(atPoison)) expect(Buffer.from(now[k].buffer).equals(Buffer.from(v.buffer)), k).toBe(true);
          w.data[3] = saved;
        }
      },
    });
    expect(t.step).toBe(9);
    expect(records.map((r) => r.skippedSteps)).toEqual([0, 0, 0, 1, 2, 2, 2, 2, 2]);
    expect(Number.isNaN(records[3].loss)).toBe(true);
    expect(records.map((r) => r.skipped === true)).toEqual([false, false, false, true, true, false, false, false, false]);
    expect(records[4].effectiveStep.every((v) => v === 0)).toBe(true);
    expect(records[6].effectiveStep.every((v) => v > 0)).toBe(true);
    expect(Number.isFinite(records[6].loss)).toBe(true);
    expect(t.skippedSteps).toBe(2);
    const resumed = trainer({ optimizer: { name: 'adam', options: { nonFinite: 'skip' } }, maxSteps: 9 });
    restoreCheckpoint(resumed, copyThroughBytes(captureCheckpoint(t)), 'test');
    expect(resumed.skippedSteps).toBe(2);
  });
});

describe('logLayers', () => {
  it('logs ‖Δw‖/‖w‖ and ‖w‖ of a parameter and of a layer id, as computed from the weights', () => {
    const mlp: TrainConfigInput = { model: { name: 'mlp', options: { hidden: [8] } }, dataset: { name: 'cifar10' }, optimizer: { name: 'sgd', options: { lr: 0.05 } }, epochs: 1, batchSize: 6, seed: 2, logEvery: 1 };
    const probe = new Trainer(parseTrainConfig(mlp, 'test'), tinyImageData());
    const [first] = probe.model.parameters();
    const layer = first.meta.layer;
    const t = new Trainer(parseTrainConfig({ ...mlp, logLayers: [first.meta.name, layer] }, 'test'), tinyImageData());
    const ofLayer = t.model.parameters().filter((p) => p.meta.layer === layer);
    expect(ofLayer.length).toBeGreaterThan(1);
    const norm = (xs: Float32Array[]) => Math.sqrt(xs.reduce((s, x) => s + x.reduce((a, v) => a + v * v, 0), 0));
    let prev = ofLayer.map((p) => p.data.slice());
    let seen = 0;
    t.run({
      onStep: (r) => {
        const cur = ofLayer.map((p) => p.data.slice());
        const delta = cur.map((c, i) => c.map((v, j) => v - prev[i][j]));
        const l = r.layers?.[layer];
        expect(l?.weightNorm).toBeCloseTo(norm(cur), 4);
        expect(l?.effectiveStep).toBeCloseTo(norm(delta) / norm(prev), 6);
        expect(l?.effectiveStep).toBeGreaterThan(0);
        expect(r.layers?.[first.meta.name]?.effectiveStep).toBeCloseTo(norm([delta[0]]) / norm([prev[0]]), 6);
        prev = cur;
        seen++;
      },
    });
    expect(seen).toBe(t.totalSteps);
  });

  it('an unknown name is an error naming the closest parameter or layer', () => {
    const probe = trainer();
    const name = probe.model.parameters()[0].meta.name;
    expect(() => trainer({ logLayers: [`${name}x`] })).toThrow(new RegExp(`no parameter or layer '${name.replace(/\./g, '\\.')}x' \\(did you mean '${name.replace(/\./g, '\\.')}'\\?\\)`));
  });
});

describe("the optimizer's gradient guard", () => {
  it('names the tensor, value and index the optimizer reported (its own message, parsed)', () => {
    const p = new Parameter(new Float32Array([1, 2, 3]), [3], { role: 'weight' });
    p.meta.name = 'fc1.weight';
    p.grad = new Tensor(new Float32Array([0, Number.POSITIVE_INFINITY, 0]), [3]);
    let err: unknown = null;
    try {
      new Adam([p], {}).step();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OptimizerError);
    const f = optimizerFailure(err as OptimizerError);
    expect(f).toMatchObject({ source: 'gradient', tensor: 'fc1.weight', value: Number.POSITIVE_INFINITY, index: 1 });
    expect(new NonFiniteError(7, { ...f, anomaly: null }).message).toMatch(/^step 7: Adam.*'fc1\.weight' holds Infinity at index 1/);
    expect(optimizerFailure(new OptimizerError('something else'))).toMatchObject({ source: 'optimizer', tensor: 'optimizer' });
  });
});
