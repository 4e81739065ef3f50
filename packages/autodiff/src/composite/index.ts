/** Composite ops: built from primitives, so they declare no backward of their own. */
export { type BatchNormOptions, batchNorm, type NonFiniteBatch } from './batch-norm.js';
export { type BceWithLogitsOptions, bceWithLogits } from './bce-with-logits.js';
export { type CrossEntropyOptions, crossEntropy } from './cross-entropy.js';
export { dropout } from './dropout.js';
export { mean } from './mean.js';
export type { Reduction } from './reduction.js';
export { softmax } from './softmax.js';
