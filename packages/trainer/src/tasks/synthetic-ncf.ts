/**
 * `synthetic-implicit`: a generated implicit-feedback data set in NCF form (no download): users and
 * items with latent factors (`@gapkit/data` syntheticImplicit), each user's latest interaction held
 * out, 99 sampled test negatives. Fixed by the run's seed (its `data` stream).
 */
import { leaveOneOut, sampleTestNegativesFrom, syntheticImplicit, type SyntheticImplicitOptions } from '@gapkit/data';
import { rngStreams } from '../rng-streams.js';
import type { NcfData } from './task-data.js';

export function syntheticNcfData(seed: number, options: SyntheticImplicitOptions = {}): NcfData {
  const rng = rngStreams(seed).data;
  const truth = syntheticImplicit(rng, options);
  const split = leaveOneOut(truth.interactions);
  const testSet = sampleTestNegativesFrom(truth.interactions, split.test, rng, 99);
  return { kind: 'recommender', train: split.train, testSet, numUsers: truth.interactions.numUsers, numItems: truth.interactions.numItems };
}
