/**
 * Initializers (PyTorch conventions), every one driven by an explicit Rng. For a weight of shape
 * [out, in, ...k], fanIn = in·∏k and fanOut = out·∏k.
 */
import type { Rng } from '../random.js';
import type { Shape } from '../shape.js';
import { sizeOf } from '../shape.js';

/**
 * A layer's weight initializer (the `init` option of Conv2d, Linear and Embedding): returns the
 * `sizeOf(shape)` initial values of a weight of `shape`, drawing only from `rng`. Layers call it once,
 * instead of their default, so each weight is drawn exactly once.
 * @example `new Conv2d(16, 32, 3, rng, { init: (shape, r) => kaimingNormal(shape, r, { mode: 'fanOut' }) })`
 */
export type WeightInit = (shape: Shape, rng: Rng) => Float32Array;

/** How a layer's bias starts: `'default'` (PyTorch: U(±1/√fanIn)) or `'zeros'` (Keras, Zagoruyko's WRN). */
export type BiasInit = 'default' | 'zeros';

/** PyTorch's default weight init of Linear and Conv2d: kaiming-uniform with a = √5, i.e. U(±1/√fanIn). */
export function torchDefaultWeight(shape: Shape, rng: Rng): Float32Array {
  // gain √(2/(1+a²)) with a = √5 is √(1/3), so the bound gain·√(3/fanIn) is 1/√fanIn.
  return kaimingUniform(shape, rng, { gain: Math.sqrt(1 / 3) });
}

/** fanIn and fanOut of a weight [out, in, ...k] (PyTorch's `_calculate_fan_in_and_fan_out`). */
export function fans(shape: Shape): { fanIn: number; fanOut: number } {
  if (shape.length < 2) throw new RangeError(`fans: need a weight of rank ≥ 2, got rank ${shape.length}`);
  const receptive = sizeOf(shape.slice(2));
  return { fanIn: shape[1] * receptive, fanOut: shape[0] * receptive };
}

/** N(mean, std²) values. */
export function normalInit(shape: Shape, std: number, rng: Rng, mean = 0): Float32Array {
  const out = new Float32Array(sizeOf(shape));
  for (let i = 0; i < out.length; i++) out[i] = mean + std * rng.normal();
  return out;
}

/** U(low, high) values. */
export function uniformInit(shape: Shape, low: number, high: number, rng: Rng): Float32Array {
  const out = new Float32Array(sizeOf(shape));
  for (let i = 0; i < out.length; i++) out[i] = low + (high - low) * rng.uniform();
  return out;
}

export interface KaimingOptions {
  /** 'fanIn' (default, preserves forward variance) or 'fanOut' (backward variance). */
  mode?: 'fanIn' | 'fanOut';
  /** √2 for ReLU (default). */
  gain?: number;
}

/** He et al. normal: std = gain/√fan. */
export function kaimingNormal(shape: Shape, rng: Rng, opts: KaimingOptions = {}): Float32Array {
  const { fanIn, fanOut } = fans(shape);
  const fan = (opts.mode ?? 'fanIn') === 'fanIn' ? fanIn : fanOut;
  return normalInit(shape, (opts.gain ?? Math.SQRT2) / Math.sqrt(fan), rng);
}

/** He et al. uniform: bound = gain·√(3/fan). */
export function kaimingUniform(shape: Shape, rng: Rng, opts: KaimingOptions = {}): Float32Array {
  const { fanIn, fanOut } = fans(shape);
  const fan = (opts.mode ?? 'fanIn') === 'fanIn' ? fanIn : fanOut;
  const bound = (opts.gain ?? Math.SQRT2) * Math.sqrt(3 / fan);
  return uniformInit(shape, -bound, bound, rng);
}

/** Glorot uniform: bound = gain·√(6/(fanIn + fanOut)). */
export function xavierUniform(shape: Shape, rng: Rng, gain = 1): Float32Array {
  const { fanIn, fanOut } = fans(shape);
  const bound = gain * Math.sqrt(6 / (fanIn + fanOut));
  return uniformInit(shape, -bound, bound, rng);
}

/** Glorot normal: std = gain·√(2/(fanIn + fanOut)). */
export function xavierNormal(shape: Shape, rng: Rng, gain = 1): Float32Array {
  const { fanIn, fanOut } = fans(shape);
  return normalInit(shape, gain * Math.sqrt(2 / (fanIn + fanOut)), rng);
}
