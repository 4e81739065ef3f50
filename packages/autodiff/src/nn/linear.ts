import { linear } from '../ops/linear.js';
import type { Rng } from '../random.js';
import type { Tensor } from '../tensor.js';
import { kaimingUniform, uniformInit } from './init.js';
import { Module } from './module.js';
import { Parameter } from './parameter.js';

export interface LinearOptions {
  /** Learn an additive bias (default true). */
  bias?: boolean;
}

/**
 * y = x·Wᵀ + b with W [out, in] and b [out]. PyTorch's default init: W ~ kaiming-uniform with
 * a = √5, i.e. U(±1/√in), and b ~ U(±1/√in). W's rows are ND-Adam unit vectors (unitAxes [1]).
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
    // gain √(2/(1+a²)) with a = √5 is √(1/3), so the bound gain·√(3/fanIn) is 1/√fanIn.
    this.weight = new Parameter(kaimingUniform(shape, rng, { gain: Math.sqrt(1 / 3) }), shape, { role: 'weight', unitAxes: [1] });
    const bound = 1 / Math.sqrt(inFeatures);
    this.bias = (options.bias ?? true) ? new Parameter(uniformInit([outFeatures], -bound, bound, rng), [outFeatures], { role: 'bias' }) : null;
  }

  forward(x: Tensor): Tensor {
    return linear(x, this.weight, this.bias);
  }
}
