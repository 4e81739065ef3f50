import { normalizeAxes } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { mul } from '../ops/mul.js';
import { sum } from '../ops/sum.js';

/** Mean over `axes` (all when omitted), dropping them unless `keepDims`. Composite: sum · (1/count). */
export function mean(x: Tensor, axes?: number | readonly number[], keepDims = false): Tensor {
  const ax = normalizeAxes('mean', axes, x.rank);
  const count = ax.reduce((p, a) => p * x.shape[a], 1);
  return mul(sum(x, ax, keepDims), 1 / count);
}
