/**
 * Unbroadcasting: the backward of broadcasting sums a gradient over every axis that was repeated, so it
 * matches the input's shape again. Accumulates in float64, stores float32.
 */
import { type Shape, sameShape, sizeOf } from '../shape.js';
import { broadcastIndex } from './strided-index.js';

/** Sums `g` (shape `gShape`) down to `target`, a shape that broadcasts to `gShape`. */
export function sumToShape(g: Float32Array, gShape: Shape, target: Shape): Float32Array {
  if (sameShape(gShape, target)) return g;
  const acc = new Float64Array(sizeOf(target));
  if (acc.length === 1) {
    let s = 0;
    for (let i = 0; i < g.length; i++) s += g[i];
    acc[0] = s;
  } else {
    const idx = broadcastIndex(target, gShape);
    for (let i = 0; i < g.length; i++) acc[idx[i]] += g[i];
  }
  return Float32Array.from(acc);
}
