/** Internal: how Conv2d, Linear and Embedding draw their initial values (not re-exported). */
import type { Rng } from '../random.js';
import { type Shape, sizeOf } from '../shape.js';
import { type BiasInit, uniformInit, type WeightInit } from './init.js';

/** Runs `init` for a weight of `shape` and checks it returned a Float32Array of the right length. */
export function drawWeight(layer: string, shape: Shape, rng: Rng, init: WeightInit): Float32Array {
  const data = init(shape, rng);
  if (!(data instanceof Float32Array) || data.length !== sizeOf(shape)) {
    const got = data instanceof Float32Array ? `a Float32Array of ${data.length}` : String(data);
    throw new RangeError(`${layer}: init must return a Float32Array of ${sizeOf(shape)} values for weight [${shape.join(', ')}], got ${got}`);
  }
  return data;
}

/** A bias of `n` values: zeros, or PyTorch's U(±1/√fanIn). */
export function drawBias(n: number, fanIn: number, rng: Rng, how: BiasInit = 'default'): Float32Array {
  if (how === 'zeros') return new Float32Array(n);
  const bound = 1 / Math.sqrt(fanIn);
  return uniformInit([n], -bound, bound, rng);
}
