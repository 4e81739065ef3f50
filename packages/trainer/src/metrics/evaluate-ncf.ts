/** An NCF model on the leave-one-out test set: HR@K and NDCG@K among 1 + 99 candidates (He et al. 2017). */
import { noGrad } from '@gapkit/autodiff';
import { evaluateRanking, type RankingTestSet } from '@gapkit/data';
import type { Recommender } from '@gapkit/model-zoo';

export interface NcfEvaluation {
  readonly k: number;
  readonly hitRate: number;
  readonly ndcg: number;
  readonly n: number;
}

export function evaluateNcf(model: Recommender, set: RankingTestSet, k: number): NcfEvaluation {
  const wasTraining = model.training;
  model.eval();
  try {
    const r = noGrad(() => evaluateRanking(set, (u, i) => model.forward(u, i).data, k));
    return { k, hitRate: r.hitRate, ndcg: r.ndcg, n: set.users.length };
  } finally {
    model.train(wasTraining);
  }
}
