/** The strict config: unknown keys at any level name the closest valid key; bad values name field and range. */
import { describe, expect, it } from 'vitest';
import { configHash, parseTrainConfig, Trainer } from '../src/index.js';
import { tinyImageData } from './fixtures.js';

const base = { model: { name: 'mlp' }, dataset: { name: 'cifar10' }, optimizer: { name: 'adam' } };

describe('parseTrainConfig', () => {
  it('fills every default', () => {
    const c = parseTrainConfig(base, 'test');
    expect(c).toMatchObject({ epochs: 3, batchSize: 64, seed: 1, schedule: { kind: 'constant' }, head: { kind: 'none' }, dataset: { augment: false, numNegatives: 4 } });
  });

  it('names an unknown key with the closest valid one, at the top and nested', () => {
    expect(() => parseTrainConfig({ ...base, batch_size: 3 }, 'run.yaml')).toThrow(/run\.yaml: unknown key 'batch_size' \(did you mean 'batchSize'\?\); valid keys: model, dataset/);
    expect(() => parseTrainConfig({ ...base, schedule: { kind: 'step', evry: 3 } }, 'x')).toThrow(/schedule: unknown key 'evry' \(did you mean 'every'\?\)/);
  });

  it('names the field, its range and the value for a bad value', () => {
    expect(() => parseTrainConfig({ ...base, batchSize: 0 }, 'x')).toThrow(/batchSize: batchSize must be an integer in \[1, 1048576\], got 0/);
    expect(() => parseTrainConfig({ ...base, dataset: { name: 'cifar11' } }, 'x')).toThrow(/dataset\.name: dataset\.name must be one of digits, mnist, cifar10/);
  });

  it('resolves idempotently: the resolved config is the same run (same hash and resolution)', () => {
    const t = new Trainer(parseTrainConfig({ ...base, optimizer: { name: 'adam-lawn' } }, 'x'), tinyImageData());
    const again = new Trainer(parseTrainConfig(JSON.parse(JSON.stringify(t.config)), 'x'), tinyImageData());
    expect(again.config).toEqual(t.config);
    expect(configHash(again.config)).toBe(configHash(t.config));
    expect(t.config.optimizer.options).toMatchObject({ lr: 1e-3, eps: 1e-6, stepsPerEpoch: 1 });
    expect(t.config.optimizer.options).not.toHaveProperty('base'); // the entry's name fixes the base
  });
});
