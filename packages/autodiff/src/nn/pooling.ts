import { avgPool2d } from '../ops/avg-pool2d.js';
import { flatten } from '../ops/flatten.js';
import { globalAvgPool2d } from '../ops/global-avg-pool2d.js';
import { maxPool2d } from '../ops/max-pool2d.js';
import type { Pair } from '../ops/pair.js';
import type { Tensor } from '../tensor.js';
import { Module } from './module.js';

/** Shared fields of the windowed pooling layers: kernel, stride (default: the kernel) and padding. */
abstract class WindowPool2d extends Module {
  readonly kernel: Pair;
  readonly stride: Pair | undefined;
  readonly padding: Pair;

  constructor(kernel: Pair, stride?: Pair, padding: Pair = 0) {
    super();
    this.kernel = kernel;
    this.stride = stride;
    this.padding = padding;
  }
}

/** Max pooling over NCHW windows (stride defaults to the kernel). */
export class MaxPool2d extends WindowPool2d {
  forward(x: Tensor): Tensor {
    return maxPool2d(x, this.kernel, this.stride, this.padding);
  }
}

/** Average pooling over NCHW windows (stride defaults to the kernel; padding counts in the divisor). */
export class AvgPool2d extends WindowPool2d {
  forward(x: Tensor): Tensor {
    return avgPool2d(x, this.kernel, this.stride, this.padding);
  }
}

/** Mean over H and W: [N, C, H, W] → [N, C]. */
export class GlobalAvgPool2d extends Module {
  forward(x: Tensor): Tensor {
    return globalAvgPool2d(x);
  }
}

/** Merges axes startAxis..last (default 1): [N, C, H, W] → [N, C·H·W]. */
export class Flatten extends Module {
  readonly startAxis: number;

  constructor(startAxis = 1) {
    super();
    this.startAxis = startAxis;
  }

  forward(x: Tensor): Tensor {
    return flatten(x, this.startAxis);
  }
}
