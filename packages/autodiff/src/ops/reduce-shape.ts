/** Shapes of a reduction: which axes, the kept-dims shape and the result shape. */
import { normalizeAxes, type Shape } from '../shape.js';

export interface ReduceShape {
  /** Reduced axes, normalized and sorted. */
  readonly axes: readonly number[];
  /** The input shape with every reduced axis set to 1 (broadcasts back to the input). */
  readonly keptShape: Shape;
  /** The result shape: `keptShape`, or with the reduced axes removed when !keepDims. */
  readonly outShape: Shape;
}

/** Validates `axes` (undefined = all; throws naming `op` when out of range) and derives the shapes. */
export function reduceShape(op: string, shape: Shape, axes: number | readonly number[] | undefined, keepDims: boolean): ReduceShape {
  const ax = normalizeAxes(op, axes, shape.length);
  const keptShape = shape.map((d, i) => (ax.includes(i) ? 1 : d));
  const outShape = keepDims ? keptShape : shape.filter((_, i) => !ax.includes(i));
  return { axes: ax, keptShape, outShape };
}
