import { sizeOf } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';
import { reduceShape } from './reduce-shape.js';
import { broadcastIndex } from './strided-index.js';

/**
 * Sum over `axes` (all axes when omitted), dropping them unless `keepDims`. Accumulates in float64.
 * d(Σx)/dxᵢ = 1: the gradient is dy broadcast back over the reduced axes.
 */
export function sum(x: Tensor, axes?: number | readonly number[], keepDims = false): Tensor {
  const r = reduceShape('sum', x.shape, axes, keepDims);
  const X = x.data;
  const acc = new Float64Array(sizeOf(r.keptShape));
  const idx = acc.length === 1 ? null : broadcastIndex(r.keptShape, x.shape);
  if (idx === null) {
    let s = 0;
    for (let i = 0; i < X.length; i++) s += X[i];
    acc[0] = s;
  } else {
    for (let i = 0; i < X.length; i++) acc[idx[i]] += X[i];
  }
  return fromOp('sum', Float32Array.from(acc), r.outShape, [x], (dy) => {
    const D = dy.data;
    const g = new Float32Array(X.length);
    if (idx === null) g.fill(D[0]);
    else for (let i = 0; i < g.length; i++) g[i] = D[idx[i]];
    return [new Tensor(g, x.shape)];
  });
}
