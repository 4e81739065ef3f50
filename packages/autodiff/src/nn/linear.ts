import { linear } from '../ops/linear.js';
import type { Rng } from '../random.js';
import type { Tensor } from '../tensor.js';
import { type BiasInit, torchDefaultWeight, type WeightInit } from './init.js';
import { drawBias, drawWeight } from './layer-init.js';
import { Module } from './module.js';
import { Parameter } from './parameter.js';

export interface LinearOptions {
  /** Learn an additive bias (default true). */
  bias?: boolean;
  /**
   * Draws the weight [out, in] instead of PyTorch's default (e.g. Glorot uniform): called once, so the
   * weight is drawn exactly once. Default: U(±1/√in).
   */
  init?: WeightInit;
  /** The bias's start: `'default'` (U(±1/√in), drawn after the weight) or `'zeros'` (no draw). */
  biasInit?: BiasInit;
}

/**
 * y = x·Wᵀ + b with W [out, in] and b [out]. PyTorch's default init: W ~ kaiming-uniform with
 * a = √5, i.e. U(±1/√in), then b ~ U(±1/√in); the `init` / `biasInit` options replace them (each
 * value is drawn once, from `rng`). W's rows are ND-Adam unit vectors (unitAxes [1]).
 */
export class Linear extends Module {
  readonly weight: Parameter;
  readonly bias: Parameter | null;
  readonly inFeatures: number;
  readonly outFeatures: number;

  constructor(inFeatures: number, outFeatures: number, rng: Rng, options: LinearOptions = {}) {
    super();
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    for (const [name, v] of [['inFeatures', inFeatures], ['outFeatures', outFeatures]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new RangeError(`Linear: ${name} must be a positive integer, got ${v}`);
    }
    const shape = [outFeatures, inFeatures];
    this.weight = new Parameter(drawWeight('Linear', shape, rng, options.init ?? torchDefaultWeight), shape, { role: 'weight', unitAxes: [1] });
    const bias = options.bias ?? true;
    this.bias = bias ? new Parameter(drawBias(outFeatures, inFeatures, rng, options.biasInit), [outFeatures], { role: 'bias' }) : null;
  }

  forward(x: Tensor): Tensor {
    return linear(x, this.weight, this.bias);
  }
}
