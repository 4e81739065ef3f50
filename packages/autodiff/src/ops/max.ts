import { shapeToString, sizeOf } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';
import { reduceShape } from './reduce-shape.js';
import { broadcastIndex } from './strided-index.js';

/**
 * Maximum over `axes` (all axes when omitted), dropping them unless `keepDims`.
 * d max(x)/dxᵢ = 1 for the first position holding the maximum, 0 elsewhere (ties go to the first).
 */
export function max(x: Tensor, axes?: number | readonly number[], keepDims = false): Tensor {
  const r = reduceShape('max', x.shape, axes, keepDims);
  if (x.size === 0) throw new RangeError(`max: cannot reduce an empty tensor of shape ${shapeToString(x.shape)}`);
  const X = x.data;
  const n = sizeOf(r.keptShape);
  const best = new Float32Array(n).fill(-Infinity);
  const arg = new Int32Array(n).fill(-1);
  const idx = broadcastIndex(r.keptShape, x.shape);
  for (let i = 0; i < X.length; i++) {
    const o = idx[i];
    if (arg[o] < 0 || X[i] > best[o]) {
      best[o] = X[i];
      arg[o] = i;
    }
  }
  return fromOp('max', best, r.outShape, [x], (dy) => {
    const D = dy.data;
    const g = new Float32Array(X.length);
    for (let o = 0; o < n; o++) g[arg[o]] += D[o];
    return [new Tensor(g, x.shape)];
  });
}
