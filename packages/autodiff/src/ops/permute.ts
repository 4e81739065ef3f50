import { stridesOf } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';
import { stridedIndex } from './strided-index.js';

/**
 * Reorders axes: output axis k is input axis `axes[k]` (a permutation of 0..rank−1).
 * d permute(x)/dx: the gradient is dy permuted back (scattered through the same index map).
 */
export function permute(x: Tensor, axes: readonly number[]): Tensor {
  const r = x.rank;
  const seen = new Set(axes);
  if (axes.length !== r || seen.size !== r || axes.some((a) => !Number.isInteger(a) || a < 0 || a >= r)) {
    throw new RangeError(`permute: axes [${axes.join(', ')}] must be a permutation of 0..${r - 1} for a tensor of rank ${r}`);
  }
  const xStrides = stridesOf(x.shape);
  const outShape = axes.map((a) => x.shape[a]);
  const idx = stridedIndex(
    outShape,
    axes.map((a) => xStrides[a]),
  );
  const X = x.data;
  const Y = new Float32Array(X.length);
  for (let i = 0; i < Y.length; i++) Y[i] = X[idx[i]];
  return fromOp('permute', Y, outShape, [x], (dy) => {
    const D = dy.data;
    const g = new Float32Array(D.length);
    for (let i = 0; i < D.length; i++) g[idx[i]] = D[i];
    return [new Tensor(g, x.shape)];
  });
}
