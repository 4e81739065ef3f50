import { normalizeAxis } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { permute } from './permute.js';

/** Swaps axes `a` and `b` (negative axes count from the end). Composite (a permute). */
export function transpose(x: Tensor, a: number, b: number): Tensor {
  const i = normalizeAxis('transpose', a, x.rank);
  const j = normalizeAxis('transpose', b, x.rank);
  const axes = Array.from({ length: x.rank }, (_, k) => k);
  axes[i] = j;
  axes[j] = i;
  return permute(x, axes);
}
