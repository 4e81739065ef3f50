/**
 * Global-norm gradient clipping (PyTorch `clip_grad_norm_` semantics): if ‖g‖ over every gradient
 * exceeds `maxNorm`, every gradient is multiplied by maxNorm/(‖g‖ + 1e-6). Call it between
 * `backward()` and `step()`. Returns the norm before clipping (the value worth logging).
 */
import type { Parameter } from '@gapkit/autodiff';
import { norm } from './math.js';
import { assertNonNegative } from './validate.js';
import { OptimizerError } from './errors.js';

/** Clips gradients in place to a global norm of at most `maxNorm`; returns the pre-clip norm. */
export function clipGradNorm(params: readonly Parameter[], maxNorm: number): number {
  assertNonNegative('clipGradNorm', 'maxNorm', maxNorm);
  let total2 = 0;
  for (const p of params) {
    if (p.grad === null) continue;
    const n = norm(p.grad.data);
    total2 += n * n;
  }
  const total = Math.sqrt(total2);
  if (!Number.isFinite(total)) throw new OptimizerError(`clipGradNorm: the gradient norm is ${total} (a gradient holds NaN or ±Infinity)`);
  const coef = maxNorm / (total + 1e-6);
  if (coef < 1) {
    for (const p of params) {
      if (p.grad === null) continue;
      const g = p.grad.data;
      for (let i = 0; i < g.length; i++) g[i] *= coef;
    }
  }
  return total;
}
