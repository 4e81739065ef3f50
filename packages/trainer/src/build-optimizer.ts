/**
 * Adapter: "build an optimizer from a name and options". The one place the trainer touches the
 * optimizer registry's constructor, so the typed registry can be wired in here alone.
 * Biases and normalization parameters get no weight decay (a second group) when the optimizer has a
 * positive `weightDecay` and `noDecayOnNorms` is on; ND-Adam splits θ^v / θ^s itself from each
 * parameter's `unitAxes` metadata.
 */
import type { Parameter } from '@gapkit/autodiff';
import { type AnyOptimizer, noDecayGroups } from '@gapkit/optimizers';
import { lookupOptimizer } from './config/optimizer-names.js';

export function buildOptimizer(name: string, params: readonly Parameter[], options: Readonly<Record<string, unknown>>, noDecayOnNorms: boolean): AnyOptimizer {
  const { entry } = lookupOptimizer(name);
  const decay = options.weightDecay;
  const split = noDecayOnNorms && typeof decay === 'number' && decay > 0 ? noDecayGroups(params) : null;
  return entry.create(split && split.length > 1 ? split : params, options);
}
