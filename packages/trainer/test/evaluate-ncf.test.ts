/** evaluateNcf: the tie rule through a real model (ties count against the test item), and the model's mode is restored. */
import { Rng } from '@gapkit/autodiff';
import type { RankingTestSet } from '@gapkit/data';
import { ncfMlp } from '@gapkit/model-zoo';
import { describe, expect, it } from 'vitest';
import { evaluateNcf } from '../src/metrics/evaluate-ncf.js';

const set: RankingTestSet = {
  users: Int32Array.from([0, 1, 2, 3]),
  positives: Int32Array.from([1, 2, 3, 4]),
  negatives: Int32Array.from({ length: 4 * 99 }, (_, k) => 5 + (k % 40)),
  numNegatives: 99,
};

describe('evaluateNcf', () => {
  it('a model scoring every pair the same (all weights 0) ranks each test item last: HR@10 = NDCG@10 = 0', () => {
    const m = ncfMlp({ numUsers: 4, numItems: 45 }, new Rng(3));
    for (const p of m.parameters()) p.data.fill(0);
    const e = evaluateNcf(m, set, 10);
    expect([e.hitRate, e.ndcg, e.n, e.k]).toEqual([0, 0, 4, 10]);
  });

  it('a model scoring each test item above its (tied) negatives gets HR@10 = NDCG@10 = 1; the training mode comes back', () => {
    const m = ncfMlp({ numUsers: 4, numItems: 45 }, new Rng(3));
    for (const p of m.parameters()) p.data.fill(0);
    // score = bias + w·relu(tower(·)); make the tower see item embeddings: positives 1..4 get a higher score
    const items = m.itemEmbedding.weight;
    const dim = items.shape[1];
    for (const i of [1, 2, 3, 4]) items.data[i * dim] = 1;
    m.tower[0].weight.data[32] = 1; // first hidden unit reads the item half's first coordinate (64 = 32 user + 32 item)
    m.tower[1].weight.data[0] = 1;
    m.tower[2].weight.data[0] = 1;
    m.predict.weight.data[0] = 1;
    m.train(true);
    const e = evaluateNcf(m, set, 10);
    expect(e.hitRate).toBe(1);
    expect(e.ndcg).toBe(1);
    expect(m.training).toBe(true);
  });
});
