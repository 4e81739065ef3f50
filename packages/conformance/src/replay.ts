/**
 * Replay: apply the optimizer to recorded gradients and compare the parameters after every step.
 */
import { Tensor } from '@gapkit/autodiff';
import { buildOptimizer } from './build-optimizer.js';
import type { Case } from './schema/case.js';
import { FieldErrors, worstFraction } from './compare.js';
import { buildParams } from './params.js';

/** Runs a replay case; returns the worst error per field. */
export function runReplay(c: Case): FieldErrors {
  const params = buildParams(c);
  const built = buildOptimizer(c, params);
  const errors = new FieldErrors();
  const grads = c.grads ?? [];
  for (let k = 0; k < c.steps; k++) {
    built.setStep(k);
    for (const [name, p] of params) {
      const g = grads[k][name];
      // null (or absent) = no gradient this step: the tensor is skipped entirely.
      p.grad = g === null || g === undefined ? null : new Tensor(Float32Array.from(g), p.shape);
    }
    built.optimizer.step();
    for (const [name, want] of Object.entries(c.expected[k])) {
      const p = params.get(name);
      errors.add('expected', p ? worstFraction(p.data, want, c.tolerance) : Number.POSITIVE_INFINITY, `step ${k + 1}, ${name}`);
    }
  }
  return errors;
}
