/** Strict option keys for the optimizers and schedules, on top of `@gapkit/autodiff`'s `assertKnownKeys`. */
import { assertKnownKeys } from '@gapkit/autodiff';
import { OptimizerError } from './errors.js';

/** Throws an OptimizerError naming each unknown key of `obj`, the closest valid key, and the valid keys. */
export function assertOptionKeys(what: string, obj: object, allowed: readonly string[]): void {
  try {
    assertKnownKeys(what, obj, allowed);
  } catch (e) {
    throw new OptimizerError(e instanceof Error ? e.message : String(e));
  }
}
