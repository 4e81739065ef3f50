/**
 * Optimizer names a run may choose: every `@gapkit/optimizers` registry entry, plus the LAWN forms by
 * their papers' names (`adam-lawn`, `lamb-lawn`, `sgd-lawn` = `lawn` with `base` set; Gupta et al.,
 * "Logit Attenuating Weight Normalization", arXiv:2108.05839).
 */
import { describeUnknown } from '@gapkit/autodiff';
import { REGISTRY, type RegistryEntry } from '@gapkit/optimizers';

const LAWN_ALIASES: Record<string, { entry: string; fixed: Record<string, unknown> }> = {
  'adam-lawn': { entry: 'lawn', fixed: { base: 'adam' } },
  'lamb-lawn': { entry: 'lawn', fixed: { base: 'lamb' } },
  'sgd-lawn': { entry: 'lawn', fixed: { base: 'sgd' } },
};

/** Every name `optimizer.name` accepts. */
export function optimizerNames(): string[] {
  return [...REGISTRY.keys(), ...Object.keys(LAWN_ALIASES)];
}

/** The registry entry behind a name and the options the name fixes; an unknown name is an error with the closest match. */
export function lookupOptimizer(name: string): { entry: RegistryEntry; fixed: Record<string, unknown> } {
  const alias = LAWN_ALIASES[name];
  const entry = REGISTRY.get(alias ? alias.entry : name);
  if (!entry) throw new RangeError(`unknown optimizer ${describeUnknown(name, optimizerNames())}; valid: ${optimizerNames().join(', ')}`);
  return { entry, fixed: alias ? alias.fixed : {} };
}
