/** Tensor constructors: leaves built from values, constants, or an Rng. */
import type { Rng } from '../random.js';
import { assertValidShape, type Shape, shapeToString, sizeOf } from '../shape.js';
import { Tensor } from '../tensor.js';

export interface CreateOptions {
  /** Make a leaf that accumulates a gradient in `.grad` (default false). */
  requiresGrad?: boolean;
}

/**
 * A tensor from values in row-major order. A Float32Array is used as is (not copied); a number[]
 * is converted. Throws when the length does not match the shape.
 */
export function tensor(data: Float32Array | readonly number[], shape: Shape, options: CreateOptions = {}): Tensor {
  assertValidShape(shape, 'tensor');
  const n = sizeOf(shape);
  if (data.length !== n) {
    throw new RangeError(`tensor: got ${data.length} values for shape ${shapeToString(shape)}, which needs ${n}`);
  }
  const values = data instanceof Float32Array ? data : Float32Array.from(data);
  return new Tensor(values, shape, options.requiresGrad ?? false);
}

/** A shape-[] tensor holding `x`. */
export function scalar(x: number, options: CreateOptions = {}): Tensor {
  return new Tensor(new Float32Array([x]), [], options.requiresGrad ?? false);
}

/** A tensor of `shape` filled with `value`. */
export function full(shape: Shape, value: number, options: CreateOptions = {}): Tensor {
  assertValidShape(shape, 'full');
  return new Tensor(new Float32Array(sizeOf(shape)).fill(value), shape, options.requiresGrad ?? false);
}

/** A tensor of `shape` filled with 0. */
export function zeros(shape: Shape, options: CreateOptions = {}): Tensor {
  return full(shape, 0, options);
}

/** A tensor of `shape` filled with 1. */
export function ones(shape: Shape, options: CreateOptions = {}): Tensor {
  return full(shape, 1, options);
}

/** Independent N(0, std²) values drawn from `rng`. */
export function randn(shape: Shape, rng: Rng, std = 1, options: CreateOptions = {}): Tensor {
  assertValidShape(shape, 'randn');
  if (!(std >= 0) || !Number.isFinite(std)) throw new RangeError(`randn: std must be a finite number ≥ 0, got ${std}`);
  const data = new Float32Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = std * rng.normal();
  return new Tensor(data, shape, options.requiresGrad ?? false);
}
