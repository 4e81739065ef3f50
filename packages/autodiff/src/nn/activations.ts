import { leakyRelu } from '../ops/leaky-relu.js';
import { relu } from '../ops/relu.js';
import type { Tensor } from '../tensor.js';
import { Module } from './module.js';

/** max(x, 0) as a layer. */
export class ReLU extends Module {
  forward(x: Tensor): Tensor {
    return relu(x);
  }
}

/** x if x > 0 else slope·x, as a layer. */
export class LeakyReLU extends Module {
  readonly slope: number;

  constructor(slope = 0.01) {
    super();
    this.slope = slope;
  }

  forward(x: Tensor): Tensor {
    return leakyRelu(x, this.slope);
  }
}
