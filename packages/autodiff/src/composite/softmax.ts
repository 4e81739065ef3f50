import { exp } from '../ops/exp.js';
import { logSoftmax } from '../ops/log-softmax.js';
import type { Tensor } from '../tensor.js';

/** softmax along `axis`, as exp(logSoftmax(x)): stable for any logits. Composite. */
export function softmax(x: Tensor, axis: number): Tensor {
  return exp(logSoftmax(x, axis));
}
