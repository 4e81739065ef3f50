/**
 * The epoch workload: which engines run it, its clear skip without the data, and one real (tiny) epoch
 * through the trainer on ../shared/data's CIFAR-10 (skipped with a printed reason when absent).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { epochConfig, epochDataUnavailable, prepareEpoch } from '../src/epoch.js';
import { EPOCH_WORKLOAD, runsOn } from '../src/workloads.js';

const data = resolve(fileURLToPath(new URL('../../../../shared/data', import.meta.url)));
const haveCifar = existsSync(join(data, 'cifar10', 'data_batch_1.bin'));
if (!haveCifar) console.log(`epoch.test: the real epoch is skipped: ${join(data, 'cifar10')} is absent`);

describe('epoch-resnet8-cifar5k-b128', () => {
  it('runs on gapkit-auto and PyTorch only', () => {
    expect(runsOn(EPOCH_WORKLOAD, 'gapkit-auto')).toBe(true);
    expect(runsOn(EPOCH_WORKLOAD, 'gapkit-wasm')).toBe(false);
    expect(runsOn(EPOCH_WORKLOAD, 'torch')).toBe(true);
    expect(runsOn(EPOCH_WORKLOAD, 'torch-foreach')).toBe(false);
    expect(runsOn(EPOCH_WORKLOAD, 'tfjs-wasm')).toBe(false);
  });

  it('says which file is missing and how to point at it', () => {
    const why = epochDataUnavailable('/nonexistent/data');
    expect(why).toContain('/nonexistent/data/cifar10/data_batch_1.bin does not exist');
    expect(why).toContain('--data-dir');
  });

  it('is the recipe: 40 steps of 128 with augmentation, and evaluation never comes due', () => {
    const c = epochConfig(EPOCH_WORKLOAD);
    expect(c.batchSize).toBe(128);
    expect(c.dataset).toMatchObject({ name: 'cifar10', trainSize: 5000, augment: true, normalization: 'train-statistics' });
    expect(c.optimizer).toMatchObject({ name: 'adam', options: { lr: 1e-3 } });
    expect(c.evalEvery).toBeGreaterThan(c.epochs * 39);
  });

  it.skipIf(!haveCifar)('one repetition trains exactly one epoch on the real files', () => {
    process.env.GAPKIT_BENCH_DATA_DIR = data;
    const p = prepareEpoch({ kind: 'epoch', name: 'epoch-tiny', batch: 64, trainSize: 100 });
    p.run();
    expect(p.describe?.().epoch).toMatch(/^2 steps of 64 over 100 CIFAR-10 images .*ResNet-8 \(78042 parameters\)/);
    expect(p.describe?.().trained).toBe('2 steps so far');
    p.run();
    expect(p.describe?.().trained).toBe('4 steps so far');
    p.dispose();
  }, 120_000);
});
