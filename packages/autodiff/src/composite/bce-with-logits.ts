import { mul } from '../ops/mul.js';
import { softplus } from '../ops/softplus.js';
import { sub } from '../ops/sub.js';
import { sum } from '../ops/sum.js';
import { sameShape, shapeToString } from '../shape.js';
import { Tensor } from '../tensor.js';
import { mean } from './mean.js';
import { assertReduction, type Reduction } from './reduction.js';

export interface BceWithLogitsOptions {
  /** 'mean' over all elements (default) or 'sum'. */
  reduction?: Reduction;
}

/**
 * Binary cross-entropy on logits x with targets t ∈ [0, 1] (a Tensor of x's shape, or a Float32Array
 * of x's size in row-major order): ℓ = −t·ln σ(x) − (1−t)·ln(1−σ(x)) = softplus(x) − x·t, which
 * never overflows. Composite; targets get no gradient unless they are a Tensor that requires one.
 */
export function bceWithLogits(logits: Tensor, targets: Tensor | Float32Array, options: BceWithLogitsOptions = {}): Tensor {
  const reduction = options.reduction ?? 'mean';
  assertReduction('bceWithLogits', reduction);
  let t: Tensor;
  if (targets instanceof Tensor) {
    if (!sameShape(targets.shape, logits.shape)) {
      throw new RangeError(`bceWithLogits: targets ${shapeToString(targets.shape)} must have the shape of logits ${shapeToString(logits.shape)}`);
    }
    t = targets;
  } else {
    if (targets.length !== logits.size) {
      throw new RangeError(`bceWithLogits: ${targets.length} targets for logits ${shapeToString(logits.shape)}; need ${logits.size}`);
    }
    t = new Tensor(targets, logits.shape);
  }
  const terms = sub(softplus(logits), mul(logits, t));
  return reduction === 'mean' ? mean(terms) : sum(terms);
}
