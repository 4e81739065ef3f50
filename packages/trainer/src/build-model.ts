/** A zoo model from a resolved config, with the BN-softmax head when asked (ND-Adam paper §4). */
import type { Layer, Rng } from '@gapkit/autodiff';
import { type Recommender, withBnSoftmax } from '@gapkit/model-zoo';
import { modelEntry } from './config/resolve-config.js';
import type { TrainConfig } from './config/train-config.js';

export type BuiltModel = { readonly kind: 'classifier'; readonly model: Layer } | { readonly kind: 'recommender'; readonly model: Recommender };

export function buildModel(config: TrainConfig, rng: Rng): BuiltModel {
  const entry = modelEntry(config.model.name);
  const opts = config.model.options;
  if (entry.kind === 'recommender') return { kind: 'recommender', model: entry.build(opts, rng) };
  const body = entry.build(opts, rng);
  if (config.head.kind !== 'bn-softmax') return { kind: 'classifier', model: body };
  const numClasses = opts.numClasses;
  if (typeof numClasses !== 'number') throw new RangeError(`model '${entry.name}': numClasses is missing from the resolved options`);
  return { kind: 'classifier', model: withBnSoftmax(body, { numClasses, gammaC: config.head.scale ?? 1 }) };
}
