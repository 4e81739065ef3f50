/**
 * The optimizer registry: every optimizer by kebab-case name with its paper, file, docs page, every
 * hyperparameter (symbol, range, default, source, conformance name), its variants and a typed
 * `create(groups, options)`. The demo, the conformance runner, the trainer and the docs read it; the
 * defaults themselves are written once, in each optimizer's file.
 */
import { adaboundEntry, adamEntry, adamwEntry, amsgradEntry, lambEntry, radamEntry, sgdEntry, yogiEntry } from './registry/baselines.js';
import type { RegistryEntry } from './registry/entry.js';
import { adamLawnEntry, adamsEntry, lambLawnEntry, ndAdamEntry, padamEntry, sgdLawnEntry, sgdsEntry } from './registry/papers.js';
import { OptimizerError } from './errors.js';
import { closestName } from '@gapkit/autodiff';

export * from './registry/entry.js';
export * from './registry/hyperparameter.js';
export { COMMON_DEFAULTS } from './registry/common.js';

/** Each entry with its precise option types (`OPTIMIZERS.padam.create(groups, { p: 0.25 })` is checked by the compiler). */
export const OPTIMIZERS = {
  sgd: sgdEntry,
  adam: adamEntry,
  adamw: adamwEntry,
  amsgrad: amsgradEntry,
  lamb: lambEntry,
  padam: padamEntry,
  'nd-adam': ndAdamEntry,
  adams: adamsEntry,
  sgds: sgdsEntry,
  'adam-lawn': adamLawnEntry,
  'lamb-lawn': lambLawnEntry,
  'sgd-lawn': sgdLawnEntry,
  adabound: adaboundEntry,
  yogi: yogiEntry,
  radam: radamEntry,
} as const;

/** A registry name. */
export type OptimizerName = keyof typeof OPTIMIZERS;

/** Every registered optimizer by name (for code that handles them uniformly). */
export const REGISTRY: ReadonlyMap<string, RegistryEntry> = new Map<string, RegistryEntry>(Object.entries(OPTIMIZERS));

/** Looks up an optimizer, failing with the closest name and the list of known names. */
export function registryEntry(name: string): RegistryEntry {
  const e = REGISTRY.get(name);
  if (e) return e;
  const known = [...REGISTRY.keys()];
  const hint = closestName(name, known);
  throw new OptimizerError(`optimizer '${name}' is not registered${hint ? ` (did you mean '${hint}'?)` : ''} (known: ${known.join(', ')})`);
}

/** Looks up a registry entry by the conformance format's `optimizer` name (e.g. `Adam(amsgrad)`, `LAMB-LAWN`). */
export function registryEntryByReference(optimizer: string): RegistryEntry {
  for (const e of REGISTRY.values()) if (e.reference.optimizer === optimizer) return e;
  const known = [...REGISTRY.values()].map((e) => e.reference.optimizer);
  const hint = closestName(optimizer, known);
  throw new OptimizerError(`no registered optimizer has the conformance name '${optimizer}'${hint ? ` (did you mean '${hint}'?)` : ''} (known: ${known.join(', ')})`);
}

/** Every default of an entry, per-group and optimizer-wide (undefined ones left out). */
export function defaultsOf(entry: RegistryEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const h of entry.hyperparameters) if (h.default !== undefined) out[h.key] = h.default;
  return out;
}
