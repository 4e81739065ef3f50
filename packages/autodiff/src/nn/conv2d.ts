import { conv2d } from '../ops/conv2d.js';
import { type Pair, toPair } from '../ops/pair.js';
import type { Rng } from '../random.js';
import type { Tensor } from '../tensor.js';
import { type BiasInit, torchDefaultWeight, type WeightInit } from './init.js';
import { drawBias, drawWeight } from './layer-init.js';
import { Module } from './module.js';
import { Parameter } from './parameter.js';

export interface Conv2dLayerOptions {
  /** Window step, number or [h, w] (default 1). */
  stride?: Pair;
  /** Zero padding per side, number or [h, w] (default 0). */
  padding?: Pair;
  /** Learn a per-output-channel bias (default true). */
  bias?: boolean;
  /**
   * Draws the weight [out, in, kh, kw] instead of PyTorch's default (e.g. Kaiming normal): called once,
   * so the weight is drawn exactly once. Default: U(±1/√fanIn).
   */
  init?: WeightInit;
  /** The bias's start: `'default'` (U(±1/√fanIn), drawn after the weight) or `'zeros'` (no draw). */
  biasInit?: BiasInit;
}

/**
 * 2-D convolution layer on NCHW input, weight [out, in, kh, kw]. PyTorch's default init: weight
 * U(±1/√fanIn) (kaiming-uniform, a = √5) and bias U(±1/√fanIn), fanIn = in·kh·kw, weight first; the
 * `init` / `biasInit` options replace them (each value is drawn once, from `rng`). Each output
 * channel's filter is an ND-Adam unit vector (unitAxes [1, 2, 3]).
 */
export class Conv2d extends Module {
  readonly weight: Parameter;
  readonly bias: Parameter | null;
  readonly stride: [number, number];
  readonly padding: [number, number];
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelSize: [number, number];

  constructor(inChannels: number, outChannels: number, kernelSize: Pair, rng: Rng, options: Conv2dLayerOptions = {}) {
    super();
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    for (const [name, v] of [['inChannels', inChannels], ['outChannels', outChannels]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new RangeError(`Conv2d: ${name} must be a positive integer, got ${v}`);
    }
    const [kh, kw] = toPair('Conv2d', 'kernelSize', kernelSize, 1);
    this.kernelSize = [kh, kw];
    this.stride = toPair('Conv2d', 'stride', options.stride ?? 1, 1);
    this.padding = toPair('Conv2d', 'padding', options.padding ?? 0, 0);
    const shape = [outChannels, inChannels, kh, kw];
    this.weight = new Parameter(drawWeight('Conv2d', shape, rng, options.init ?? torchDefaultWeight), shape, { role: 'weight', unitAxes: [1, 2, 3] });
    const bias = options.bias ?? true;
    this.bias = bias ? new Parameter(drawBias(outChannels, inChannels * kh * kw, rng, options.biasInit), [outChannels], { role: 'bias' }) : null;
  }

  forward(x: Tensor): Tensor {
    return conv2d(x, this.weight, this.bias, { stride: this.stride, padding: this.padding });
  }
}
