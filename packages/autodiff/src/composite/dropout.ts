import { mul } from '../ops/mul.js';
import type { Rng } from '../random.js';
import { Tensor } from '../tensor.js';

/**
 * Inverted dropout: in training, each element is zeroed with probability p and the survivors are
 * scaled by 1/(1−p), so the expectation is unchanged and evaluation is the identity. Composite: x · mask.
 * p = 1 zeroes everything (as PyTorch).
 */
export function dropout(x: Tensor, p: number, rng: Rng, training: boolean): Tensor {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`dropout: p must be in [0, 1], got ${p}`);
  if (!training || p === 0) return x;
  const keep = p === 1 ? 0 : 1 / (1 - p);
  const mask = new Float32Array(x.size);
  for (let i = 0; i < mask.length; i++) mask[i] = rng.uniform() < p ? 0 : keep;
  return mul(x, new Tensor(mask, x.shape));
}
