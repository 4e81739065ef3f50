/** Shared front end of the elementwise binary ops: scalar promotion and broadcast index maps. */
import { broadcastShapes, type Shape, sameShape, sizeOf } from '../shape.js';
import { Tensor } from '../tensor.js';
import { broadcastIndex } from './strided-index.js';

/** A broadcast pair: output shape and, per operand, its index map (null when it already has that shape). */
export interface BroadcastPair {
  readonly a: Tensor;
  readonly b: Tensor;
  readonly shape: Shape;
  readonly size: number;
  readonly ia: Int32Array | null;
  readonly ib: Int32Array | null;
}

/** Promotes a number to a constant scalar tensor (no gradient). */
export function asTensor(x: Tensor | number): Tensor {
  return typeof x === 'number' ? new Tensor(new Float32Array([x]), []) : x;
}

/** Broadcasts `a` and `b` (throws naming `op` and both shapes) and builds the index maps. */
export function broadcastOperands(op: string, a: Tensor, b: Tensor | number): BroadcastPair {
  const bt = asTensor(b);
  const shape = broadcastShapes(op, a.shape, bt.shape);
  return {
    a,
    b: bt,
    shape,
    size: sizeOf(shape),
    ia: sameShape(a.shape, shape) ? null : broadcastIndex(a.shape, shape),
    ib: sameShape(bt.shape, shape) ? null : broadcastIndex(bt.shape, shape),
  };
}
