import { BatchNormBase, type BatchNormLayerOptions } from './batch-norm-base.js';

/** Batch normalization of [N, C] or [N, C, L] per channel (see BatchNormBase for parameters and buffers). */
export class BatchNorm1d extends BatchNormBase {
  constructor(numFeatures: number, options: BatchNormLayerOptions = {}) {
    super('BatchNorm1d', [2, 3], numFeatures, options);
  }
}
