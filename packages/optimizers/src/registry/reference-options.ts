/**
 * From the conformance case format to an entry's options: each `hyper` key is read through the
 * hyperparameters' reference names (`partial` → `p`, `betas[0]` → `beta1`, `min(||w||, 10)` → `min10`),
 * a key the case leaves out takes the reference code's default where it differs from gapkit's
 * (`referenceDefault`), and an unknown key is an error naming the closest known one. Per-group values
 * (`param_groups[i].lr`, `weight_decay`) and keys that need the case's parameters (ND-Adam's
 * `vector_params`, LAWN's `unconstrained_params`) stay with the caller, which passes them as `handled`.
 */
import { closestName } from '@gapkit/autodiff';
import { OptimizerError, show } from '../errors.js';
import type { RegistryEntry } from './entry.js';
import { type HyperParameter, hyperProblem } from './hyperparameter.js';

/** Reads `hyper` (a case's, keyed by reference names) into options for `entry.create`. */
export function optionsFromReference(entry: RegistryEntry, hyper: Readonly<Record<string, unknown>>, handled: readonly string[] = []): Record<string, unknown> {
  const where = `${entry.reference.optimizer} hyper`;
  const byKey = new Map<string, HyperParameter[]>();
  for (const h of entry.hyperparameters) {
    if (!h.reference) continue;
    byKey.set(h.reference.key, [...(byKey.get(h.reference.key) ?? []), h]);
  }
  const fixed = Object.keys(entry.fixed);
  const known = [...byKey.keys(), ...fixed, ...handled];
  const options: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(hyper)) {
    if (handled.includes(key)) continue;
    if (fixed.includes(key)) {
      if (value !== entry.fixed[key]) problems.push(`'${key}' is ${show(value)}, but ${entry.name} fixes it to ${show(entry.fixed[key])}`);
      continue;
    }
    const specs = byKey.get(key);
    if (!specs) {
      const hint = closestName(key, known);
      problems.push(`unknown key '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}`);
      continue;
    }
    for (const h of specs) {
      const index = h.reference?.index;
      let v: unknown = value;
      if (index !== undefined) {
        if (!Array.isArray(value) || value.length <= index) {
          problems.push(`'${key}' must be a list with an entry ${index} (${h.symbol}), got ${show(value)}`);
          continue;
        }
        v = value[index];
      }
      const spelled = h.reference?.values;
      if (spelled) v = Object.entries(spelled).find(([, ref]) => ref === v)?.[0] ?? v;
      const problem = hyperProblem(h, v);
      if (problem !== null) problems.push(`'${key}': ${problem}`);
      else options[h.key] = v;
    }
  }
  for (const h of entry.hyperparameters) {
    if (h.reference && !(h.reference.key in hyper) && 'referenceDefault' in h && h.referenceDefault !== undefined) options[h.key] = h.referenceDefault;
  }
  if (problems.length > 0) throw new OptimizerError(`${where}: ${problems.join('; ')}`);
  return options;
}
