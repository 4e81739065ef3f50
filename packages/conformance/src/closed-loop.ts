/**
 * Closed loop: build the described model with the engine, then for every step compute the loss and
 * gradients at the current parameters, compare them, step, and compare the parameters (and BatchNorm
 * running statistics when the case gives them). `losses[steps]` is evaluated after the last step
 * without updating the running statistics.
 */
import { noGrad, Tensor } from '@gapkit/autodiff';
import { buildOptimizer } from './build-optimizer.js';
import { CaseError } from './case-error.js';
import type { Case } from './schema/case.js';
import { FieldErrors, worstFraction } from './compare.js';
import { buildModel } from './model.js';
import { buildParams } from './params.js';

/** Runs a closed-loop case; returns the worst error per field. */
export function runClosedLoop(c: Case): FieldErrors {
  const params = buildParams(c);
  const model = buildModel(c, params);
  const built = buildOptimizer(c, params);
  const tol = c.tolerances;
  if (!c.model || !c.inputs || !c.labels) throw new CaseError(`${c.file}: a closed-loop case needs 'model', 'inputs' and 'labels'`);
  const x = new Tensor(Float32Array.from(c.inputs), c.model.input_shape);
  const labels = Int32Array.from(c.labels);
  const errors = new FieldErrors();
  const compareGrads = (field: 'grad0' | 'grads_per_step', want: Record<string, number[]> | undefined, k: number) => {
    if (!want) return;
    for (const [name, g] of Object.entries(want)) {
      const p = params.get(name);
      if (!p) continue; // the schema checked every name
      const actual = p.grad ? p.grad.data : new Float32Array(p.size);
      errors.add(field, worstFraction(actual, g, tol[field]), `step ${k + 1}, ${name}`);
    }
  };
  for (let k = 0; k < c.steps; k++) {
    built.setStep(k);
    for (const p of params.values()) p.grad = null; // every tensor, also those in no group (not optimized)
    const loss = model.loss(x, labels, true);
    if (c.losses) errors.add('losses', worstFraction([loss.item()], [c.losses[k]], tol.losses), `before step ${k + 1}`);
    loss.backward();
    if (k === 0) compareGrads('grad0', c.grad0, k);
    compareGrads('grads_per_step', c.grads_per_step?.[k], k);
    built.optimizer.step();
    for (const [name, want] of Object.entries(c.expected[k])) {
      const p = params.get(name);
      errors.add('expected', p ? worstFraction(p.data, want, tol.expected) : Number.POSITIVE_INFINITY, `step ${k + 1}, ${name}`);
    }
    for (const [name, want] of Object.entries(c.expected_buffers?.[k] ?? {})) {
      const have = model.buffers.get(name);
      errors.add('expected_buffers', have ? worstFraction(have, want, tol.expected_buffers) : Number.POSITIVE_INFINITY, `step ${k + 1}, ${name}`);
    }
  }
  if (c.losses) {
    const last = noGrad(() => model.loss(x, labels, false));
    errors.add('losses', worstFraction([last.item()], [c.losses[c.steps]], tol.losses), `after step ${c.steps}`);
  }
  return errors;
}
