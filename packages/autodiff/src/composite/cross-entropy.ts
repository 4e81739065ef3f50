import { assertIndices } from '../ops/gather.js';
import { logSoftmax } from '../ops/log-softmax.js';
import { mul } from '../ops/mul.js';
import { neg } from '../ops/neg.js';
import { sum } from '../ops/sum.js';
import { shapeToString } from '../shape.js';
import { Tensor } from '../tensor.js';
import { assertReduction, type Reduction } from './reduction.js';

export interface CrossEntropyOptions {
  /** 'mean' over the batch (default) or 'sum'. */
  reduction?: Reduction;
  /**
   * ε ∈ [0, 1): the target becomes (1 − ε)·onehot + ε/C, as PyTorch's label_smoothing
   * (loss = (1 − ε)·nll + ε·mean_c(−log p_c)). Default 0.
   */
  labelSmoothing?: number;
}

/**
 * Softmax cross-entropy of logits [N, C] against class indices `labels` (length N).
 * Composite: −Σ_c target_c · logSoftmax(logits)_c, summed or averaged over the batch.
 */
export function crossEntropy(logits: Tensor, labels: Int32Array, options: CrossEntropyOptions = {}): Tensor {
  const reduction = options.reduction ?? 'mean';
  assertReduction('crossEntropy', reduction);
  const eps = options.labelSmoothing ?? 0;
  if (!(eps >= 0 && eps < 1)) throw new RangeError(`crossEntropy: labelSmoothing must be in [0, 1), got ${eps}`);
  if (logits.rank !== 2) throw new RangeError(`crossEntropy: logits must be [N, C], got ${shapeToString(logits.shape)}`);
  const [n, c] = logits.shape;
  if (labels.length !== n) {
    throw new RangeError(`crossEntropy: ${labels.length} labels for logits ${shapeToString(logits.shape)}; need one per row (${n})`);
  }
  assertIndices('crossEntropy labels', labels, c);
  const target = new Float32Array(n * c).fill(eps / c);
  for (let i = 0; i < n; i++) target[i * c + labels[i]] += 1 - eps;
  const total = neg(sum(mul(logSoftmax(logits, 1), new Tensor(target, logits.shape))));
  return reduction === 'mean' ? mul(total, 1 / n) : total;
}
