/**
 * Optimizer names a run may choose: every `@gapkit/optimizers` registry entry (the LAWN forms by their
 * papers' names, `adam-lawn`, `lamb-lawn`, `sgd-lawn`; Gupta et al., "Logit Attenuating Weight
 * Normalization", arXiv:2108.05839).
 */
import { REGISTRY, type RegistryEntry, registryEntry } from '@gapkit/optimizers';

/** Every name `optimizer.name` accepts. */
export function optimizerNames(): string[] {
  return [...REGISTRY.keys()];
}

/** The registry entry behind a name; an unknown name is an error with the closest match and the valid names. */
export function lookupOptimizer(name: string): { entry: RegistryEntry } {
  return { entry: registryEntry(name) };
}
