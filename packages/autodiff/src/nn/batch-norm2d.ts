import { BatchNormBase, type BatchNormLayerOptions } from './batch-norm-base.js';

/** Batch normalization of [N, C, H, W] per channel (see BatchNormBase for parameters and buffers). */
export class BatchNorm2d extends BatchNormBase {
  constructor(numFeatures: number, options: BatchNormLayerOptions = {}) {
    super('BatchNorm2d', [4], numFeatures, options);
  }
}
