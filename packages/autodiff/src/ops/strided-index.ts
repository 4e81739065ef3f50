/**
 * Index maps: for each element of a row-major tensor of shape `outShape`, the flat offset it reads in a
 * source laid out with `strides`. Broadcasting (stride 0 on size-1 axes), reductions (the same map read
 * backwards), permutations and region copies are all this one map.
 */
import { type Shape, shapeToString, stridesOf } from '../shape.js';

/** Offsets Σₖ jₖ·strides[k] for every multi-index j of `outShape`, in row-major order. */
export function stridedIndex(outShape: Shape, strides: readonly number[]): Int32Array {
  let idx = new Int32Array([0]);
  for (let k = 0; k < outShape.length; k++) {
    const d = outShape[k];
    const s = strides[k];
    const next = new Int32Array(idx.length * d);
    let o = 0;
    for (let i = 0; i < idx.length; i++) {
      const base = idx[i];
      for (let j = 0; j < d; j++) next[o++] = base + j * s;
    }
    idx = next;
  }
  return idx;
}

/**
 * For each element of `outShape`, the flat index of the element of `inShape` it reads when `inShape`
 * is broadcast to `outShape` (missing leading axes and size-1 axes repeat). Caller guarantees the
 * shapes broadcast.
 */
export function broadcastIndex(inShape: Shape, outShape: Shape): Int32Array {
  const r = outShape.length;
  const lead = r - inShape.length;
  if (lead < 0) throw new RangeError(`internal: cannot broadcast ${shapeToString(inShape)} to ${shapeToString(outShape)}`);
  const inStrides = stridesOf(inShape);
  const strides = new Array<number>(r);
  for (let k = 0; k < r; k++) {
    strides[k] = k < lead || inShape[k - lead] === 1 ? 0 : inStrides[k - lead];
  }
  return stridedIndex(outShape, strides);
}
