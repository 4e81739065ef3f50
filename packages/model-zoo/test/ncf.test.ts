import { bceWithLogits, Rng, tensor } from '@gapkit/autodiff';
import { describe, expect, test } from 'vitest';
import { gmf, MODELS, ncfMlp, neuMf, parameterInfo } from '../src/index.js';
import { expectGradients } from './helpers.js';

const users = new Int32Array([0, 3, 3, 1]);
const items = new Int32Array([2, 0, 5, 5]);

function trainStep(model: { forward(u: Int32Array, i: Int32Array): ReturnType<typeof tensor> }) {
  const logits = model.forward(users, items);
  expect(logits.shape).toEqual([4]);
  bceWithLogits(logits, tensor(new Float32Array([1, 0, 1, 0]), [4]), { reduction: 'mean' }).backward();
  return logits;
}

describe('NCF: GMF, MLP, NeuMF', () => {
  test.each([
    ['MovieLens-100k', 943, 1682],
    ['MovieLens-1M', 6040, 3706],
  ])('parameter counts at %s sizes: the sum over layers', (_, u, i) => {
    const tower = 64 * 32 + 32 + (32 * 16 + 16) + (16 * 8 + 8); // Dense 32, 16, 8 on the 64-d concat
    expect(MODELS['ncf-gmf'].count({ numUsers: u, numItems: i }).total).toBe((u + i) * 8 + (8 + 1));
    expect(MODELS['ncf-mlp'].count({ numUsers: u, numItems: i }).total).toBe((u + i) * 32 + tower + (8 + 1));
    expect(MODELS.neumf.count({ numUsers: u, numItems: i }).total).toBe((u + i) * (8 + 32) + tower + (8 + 8 + 1));
  });

  test('real builds match the counts (defaults: MovieLens-100k)', () => {
    for (const name of ['ncf-gmf', 'ncf-mlp', 'neumf'] as const) {
      expect(MODELS[name].build({}, new Rng(1)).numParameters(), name).toBe(MODELS[name].count().total);
    }
    expect(MODELS['ncf-gmf'].count().total).toBe((943 + 1682) * 8 + 9);
  });

  test('GMF computes w·(p_u ⊙ q_i) + b', () => {
    const m = gmf({ numUsers: 4, numItems: 6, factors: 3 }, new Rng(2));
    m.predict.bias!.data[0] = 0.25;
    const P = m.userEmbedding.weight.data;
    const Q = m.itemEmbedding.weight.data;
    const w = m.predict.weight.data;
    const z = m.forward(users, items);
    users.forEach((u, b) => {
      let expected = 0.25;
      for (let k = 0; k < 3; k++) expected += w[k] * P[u * 3 + k] * Q[items[b] * 3 + k];
      expect(z.data[b]).toBeCloseTo(expected, 6);
    });
  });

  test('MLP computes the ReLU tower on [p_u, q_i], then the prediction layer', () => {
    const m = ncfMlp({ numUsers: 4, numItems: 6, embeddingDim: 2, tower: [3] }, new Rng(3));
    // make the embeddings large enough that the tower's ReLU is exercised on both sides
    for (const t of [m.userEmbedding.weight, m.itemEmbedding.weight]) for (let j = 0; j < t.size; j++) t.data[j] = Math.sin(j + 1);
    const [l1] = m.tower;
    const z = m.forward(users, items);
    users.forEach((u, b) => {
      const x = [...m.userEmbedding.weight.data.slice(u * 2, u * 2 + 2), ...m.itemEmbedding.weight.data.slice(items[b] * 2, items[b] * 2 + 2)];
      let out = m.predict.bias!.data[0];
      for (let h = 0; h < 3; h++) {
        let a = l1.bias!.data[h];
        for (let k = 0; k < 4; k++) a += l1.weight.data[h * 4 + k] * x[k];
        out += m.predict.weight.data[h] * Math.max(a, 0);
      }
      expect(z.data[b]).toBeCloseTo(out, 5);
    });
  });

  test('NeuMF: the prediction layer sees the GMF vector then the tower output', () => {
    const m = neuMf({ numUsers: 4, numItems: 6, factors: 2, embeddingDim: 3, tower: [4, 2] }, new Rng(4));
    expect(m.predict.weight.shape).toEqual([1, 2 + 2]);
    // zeroing the MLP half of the prediction weight leaves exactly a GMF
    m.predict.weight.data[2] = 0;
    m.predict.weight.data[3] = 0;
    const z = m.forward(users, items);
    const P = m.mfUserEmbedding.weight.data;
    const Q = m.mfItemEmbedding.weight.data;
    users.forEach((u, b) => {
      const expected = m.predict.bias!.data[0] + m.predict.weight.data[0] * P[u * 2] * Q[items[b] * 2] + m.predict.weight.data[1] * P[u * 2 + 1] * Q[items[b] * 2 + 1];
      expect(z.data[b]).toBeCloseTo(expected, 6);
    });
  });

  test('metadata: embeddings, tower and prediction layer tags', () => {
    const info = parameterInfo(neuMf({ numUsers: 4, numItems: 6 }, new Rng(5)));
    expect(info.map((p) => [p.name, p.role])).toEqual([
      ['mfUserEmbedding.weight', 'embedding'],
      ['mfItemEmbedding.weight', 'embedding'],
      ['mlpUserEmbedding.weight', 'embedding'],
      ['mlpItemEmbedding.weight', 'embedding'],
      ['tower.0.weight', 'weight'],
      ['tower.0.bias', 'bias'],
      ['tower.1.weight', 'weight'],
      ['tower.1.bias', 'bias'],
      ['tower.2.weight', 'weight'],
      ['tower.2.bias', 'bias'],
      ['predict.weight', 'weight'],
      ['predict.bias', 'bias'],
    ]);
    expect(info.filter((p) => p.tags.includes('final-homogeneous')).map((p) => p.name)).toEqual(['tower.0.weight', 'tower.1.weight', 'tower.2.weight', 'predict.weight']);
    expect(info.filter((p) => p.tags.includes('classifier')).map((p) => p.name)).toEqual(['predict.weight', 'predict.bias']);
    expect(info.filter((p) => p.role === 'embedding').every((p) => p.unitAxes === undefined && p.tags.length === 0)).toBe(true);
    const gmfInfo = parameterInfo(gmf({}, new Rng(5)));
    expect(gmfInfo.filter((p) => p.tags.includes('final-homogeneous')).map((p) => p.name)).toEqual(['predict.weight']);
  });

  test('init as the reference: embeddings N(0, 0.01²), zero biases', () => {
    const m = ncfMlp({}, new Rng(6));
    const e = m.userEmbedding.weight.data;
    const std = Math.sqrt(e.reduce((s, v) => s + v * v, 0) / e.length);
    expect(std).toBeGreaterThan(0.0095);
    expect(std).toBeLessThan(0.0105);
    expect([...m.tower.flatMap((fc) => [...fc.bias!.data]), m.predict.bias!.data[0]].every((v) => v === 0)).toBe(true);
  });

  test('the LAWN ML-100k recipe: 86,753 parameters; tower Glorot-uniform, prediction LeCun-uniform U(±√(3/8))', () => {
    const m = ncfMlp({}, new Rng(11));
    expect(m.numParameters()).toBe(86_753);
    const spread = (d: Float32Array) => ({ max: d.reduce((a, v) => Math.max(a, Math.abs(v)), 0), std: Math.sqrt(d.reduce((a, v) => a + v * v, 0) / d.length) });
    for (const fc of m.tower) {
      const [out, inF] = fc.weight.shape;
      const bound = Math.sqrt(6 / (inF + out));
      const { max, std } = spread(fc.weight.data);
      expect(max).toBeLessThanOrEqual(bound);
      expect(max).toBeGreaterThan(0.9 * bound);
      // U(±b) has std b/√3; the smallest layer (16→8, 128 draws) is within 15 %
      expect(Math.abs(std / (bound / Math.sqrt(3)) - 1)).toBeLessThan(0.15);
    }
    expect(m.predict.weight.shape).toEqual([1, 8]);
    expect(spread(m.predict.weight.data).max).toBeLessThanOrEqual(Math.sqrt(3 / 8));
    const item = spread(m.itemEmbedding.weight.data);
    expect(Math.abs(item.std / 0.01 - 1)).toBeLessThan(0.02);
  });

  test.each(['ncf-gmf', 'ncf-mlp', 'neumf'] as const)('forward and backward: %s; unused embedding rows get zero gradient', (name) => {
    const m = MODELS[name].build({ numUsers: 5, numItems: 7 }, new Rng(7));
    trainStep(m);
    expectGradients(m);
    const [, userTable] = m.namedParameters().find(([, p]) => p.meta.role === 'embedding')!;
    const dim = userTable.shape[1];
    const rowHasGrad = (r: number) => userTable.grad!.data.slice(r * dim, (r + 1) * dim).some((v) => v !== 0);
    expect([0, 1, 2, 3, 4].map(rowHasGrad)).toEqual([true, true, false, true, false]);
  });

  test('bad input names the argument, the expected form and the value', () => {
    const rng = new Rng(1);
    const m = gmf({ numUsers: 4, numItems: 6 }, rng);
    expect(() => m.forward(new Int32Array([0, 1]), new Int32Array([0]))).toThrow('ncf-gmf: users and items must have the same length, got 2 users and 1 items');
    expect(() => m.forward(new Int32Array([4]), new Int32Array([0]))).toThrow('indices[0] = 4 is out of range for 4 rows');
    expect(() => gmf({ factors: 0 }, rng)).toThrow('ncf-gmf: factors must be a positive integer, got 0');
    expect(() => ncfMlp({ tower: [32, -1] }, rng)).toThrow('ncf-mlp: tower must be a list of positive integers, got [32, -1]');
    expect(() => neuMf({ numUsers: 2.5 }, rng)).toThrow('neumf: numUsers must be a positive integer, got 2.5');
  });
});
