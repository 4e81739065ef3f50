import { normalizeAxis } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { reshape } from './reshape.js';

/**
 * Merges axes startAxis..last into one: [N, C, H, W] → [N, C·H·W] for startAxis = 1.
 * Composite (a reshape), so its gradient is reshape's.
 */
export function flatten(x: Tensor, startAxis = 1): Tensor {
  if (x.rank === 0) return reshape(x, [1]);
  const s = normalizeAxis('flatten', startAxis, x.rank);
  const rest = x.shape.slice(s).reduce((p, d) => p * d, 1);
  return reshape(x, [...x.shape.slice(0, s), rest]);
}
