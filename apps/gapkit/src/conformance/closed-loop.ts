/**
 * Closed loop: build the described model from the engine's ops, compute loss and gradients, step.
 * (Placeholder until the engine's ops land.)
 */
import { CaseError, type ConformanceCase } from './case.js';
import type { FieldErrors } from './compare.js';

/** Runs a closed-loop case. */
export function runClosedLoop(c: ConformanceCase): FieldErrors {
  throw new CaseError(`${c.file}: closed-loop cases are not supported yet`);
}
