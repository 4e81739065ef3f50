/**
 * Replay: apply the optimizer to recorded gradients and compare the parameters after every step.
 */
import { Tensor } from '@gapkit/autodiff';
import { buildOptimizer } from './build-optimizer.js';
import type { ConformanceCase } from './case.js';
import { FieldErrors, worstFraction } from './compare.js';
import { buildParams } from './params.js';

/** Runs a replay case; returns the worst error per field. */
export function runReplay(c: ConformanceCase): FieldErrors {
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
      errors.add('expected', worstFraction(params.get(name)!.data, want, c.tolerance), `step ${k + 1}, ${name}`);
    }
  }
  return errors;
}
