import type { Tensor } from '../tensor.js';
import type { Layer } from './layer.js';
import { Module } from './module.js';

/**
 * Applies its layers in order. Children live in the array field `layers`, so parameter names are
 * `layers.<index>.<name>` (e.g. `layers.0.weight`), as PyTorch's `Sequential` gives `0.weight`
 * one level lower.
 */
export class Sequential extends Module {
  readonly layers: Layer[];

  constructor(...layers: Layer[]) {
    super();
    this.layers = layers;
  }

  forward(x: Tensor): Tensor {
    let y = x;
    for (const layer of this.layers) y = layer.forward(y);
    return y;
  }
}
