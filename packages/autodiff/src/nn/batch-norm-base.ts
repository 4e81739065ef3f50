import { batchNorm, type NonFiniteBatch } from '../composite/batch-norm.js';
import { shapeToString } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { Module } from './module.js';
import { ModuleBuffer, Parameter } from './parameter.js';

export interface BatchNormLayerOptions {
  /** Added to the variance (default 1e-5). */
  eps?: number;
  /** Running-stat rate (default 0.1, PyTorch's convention). */
  momentum?: number;
  /** Learn a per-channel scale and shift (default true). */
  affine?: boolean;
  /**
   * The scale is this constant instead of a Parameter (ND-Adam's WRN); the shift is still learned
   * when `affine`. Leaves `weight` null.
   */
  fixedScale?: number;
  /**
   * A training batch with non-finite statistics: 'throw' (default) is an error naming the layer;
   * 'skip' returns the output without folding the batch into the running statistics. Either way
   * the running statistics stay as they were.
   */
  nonFinite?: NonFiniteBatch;
}

/**
 * Shared body of BatchNorm1d/2d: parameters `weight` (role 'norm-scale', init 1) and `bias`
 * ('norm-shift', init 0), buffers `runningMean` (0) and `runningVar` (1). Train mode uses batch
 * statistics and updates the buffers; eval mode uses the buffers.
 */
export abstract class BatchNormBase extends Module {
  readonly weight: Parameter | null;
  readonly bias: Parameter | null;
  readonly runningMean: ModuleBuffer;
  readonly runningVar: ModuleBuffer;
  readonly eps: number;
  readonly momentum: number;
  readonly fixedScale: number | null;
  readonly numFeatures: number;
  /** What a non-finite training batch does; a trainer may set it to follow its own step policy. */
  nonFinite: NonFiniteBatch;
  private readonly layerName: string;
  private readonly ranks: readonly number[];

  protected constructor(layerName: string, ranks: readonly number[], numFeatures: number, options: BatchNormLayerOptions) {
    super();
    this.layerName = layerName;
    this.ranks = ranks;
    this.numFeatures = numFeatures;
    if (!Number.isInteger(numFeatures) || numFeatures < 1) {
      throw new RangeError(`${layerName}: numFeatures must be a positive integer, got ${numFeatures}`);
    }
    const affine = options.affine ?? true;
    this.eps = options.eps ?? 1e-5;
    this.momentum = options.momentum ?? 0.1;
    this.fixedScale = options.fixedScale ?? null;
    this.nonFinite = options.nonFinite ?? 'throw';
    if (this.nonFinite !== 'throw' && this.nonFinite !== 'skip') {
      throw new RangeError(`${layerName}: nonFinite must be 'throw' or 'skip', got ${String(this.nonFinite)}`);
    }
    if (this.fixedScale !== null && !Number.isFinite(this.fixedScale)) {
      throw new RangeError(`${layerName}: fixedScale must be a finite number, got ${this.fixedScale}`);
    }
    const c = [numFeatures];
    this.weight = affine && this.fixedScale === null ? new Parameter(new Float32Array(numFeatures).fill(1), c, { role: 'norm-scale' }) : null;
    this.bias = affine ? new Parameter(new Float32Array(numFeatures), c, { role: 'norm-shift' }) : null;
    this.runningMean = new ModuleBuffer(new Float32Array(numFeatures), c);
    this.runningVar = new ModuleBuffer(new Float32Array(numFeatures).fill(1), c);
  }

  forward(x: Tensor): Tensor {
    return this.normalize(x, false);
  }

  /** `relu(this.forward(x))` as one fused op in training mode, with the same bits (BN → ReLU pairs). */
  forwardRelu(x: Tensor): Tensor {
    return this.normalize(x, true);
  }

  private normalize(x: Tensor, relu: boolean): Tensor {
    if (!this.ranks.includes(x.rank) || x.shape[1] !== this.numFeatures) {
      throw new RangeError(
        `${this.layerName}(${this.numFeatures}): expected input of rank ${this.ranks.join(' or ')} with ${this.numFeatures} channels on axis 1, got ${shapeToString(x.shape)}`,
      );
    }
    return batchNorm(x, {
      gamma: this.weight ?? this.fixedScale,
      beta: this.bias,
      runningMean: this.runningMean,
      runningVar: this.runningVar,
      training: this.training,
      momentum: this.momentum,
      eps: this.eps,
      nonFinite: this.nonFinite,
      name: this.label(),
      relu,
    });
  }

  /** `BatchNorm2d(16)`, with the module path once a parent has named it (`BatchNorm2d(16) 'layer1.0.bn1'`). */
  private label(): string {
    const path = this.weight?.meta.layer || this.bias?.meta.layer || this.runningMean.name.replace(/\.?runningMean$/, '');
    return `${this.layerName}(${this.numFeatures})${path ? ` '${path}'` : ''}`;
  }
}
