import { batchNormTraining } from '../ops/batch-norm-training.js';
import { channelAffine } from '../ops/channel-affine.js';
import { mul } from '../ops/mul.js';
import { neg } from '../ops/neg.js';
import { relu } from '../ops/relu.js';
import { sub } from '../ops/sub.js';
import { shapeToString } from '../shape.js';
import { Tensor } from '../tensor.js';

export interface BatchNormOptions {
  /** Per-channel scale γ [C] (trained), a fixed number (ND-Adam's WRN), or null (1). */
  gamma: Tensor | number | null;
  /** Per-channel shift β [C], or null (0). */
  beta: Tensor | null;
  /** Running mean [C], updated in place in training mode (a ModuleBuffer in modules). */
  runningMean: Tensor;
  /** Running variance [C], updated in place in training mode. */
  runningVar: Tensor;
  /** Batch statistics and running-stat updates (true) or the running statistics (false). */
  training: boolean;
  /** Running-stat rate: r ← (1 − momentum)·r + momentum·batch stat (PyTorch's convention). */
  momentum: number;
  /** Added to the variance before the square root. */
  eps: number;
  /**
   * Training with a batch whose statistics are not finite (a NaN or ±Infinity in x): 'throw' (default)
   * raises an error naming `name` and leaves the running statistics unchanged; 'skip' leaves them
   * unchanged and returns the (non-finite) output, for a caller whose step guard skips the step.
   */
  nonFinite?: NonFiniteBatch;
  /** Names the layer in errors (default 'batchNorm'). */
  name?: string;
  /** max(·, 0) of the output, fused into the training pass (same bits as relu(batchNorm(x))). */
  relu?: boolean;
}

/** What training-mode batch norm does with a non-finite batch. */
export type NonFiniteBatch = 'throw' | 'skip';

/** The first channel whose batch mean or variance is NaN or ±Infinity, or -1. */
function firstNonFiniteChannel(mean: Float64Array, variance: Float64Array): number {
  for (let ch = 0; ch < mean.length; ch++) if (!Number.isFinite(mean[ch]) || !Number.isFinite(variance[ch])) return ch;
  return -1;
}

/**
 * Batch normalization over every axis but 1 of x [N, C, ...] ([N, C] and [N, C, H, W] alike), with
 * PyTorch semantics. Training: normalize with the batch mean and *biased* variance, then
 * runningMean ← (1−m)·runningMean + m·mean and runningVar ← (1−m)·runningVar + m·var_unbiased
 * (divisor M − 1, M = values per channel). Eval: normalize with the running statistics.
 * Training runs the fused primitive `batchNormTraining`; eval runs the fused `channelAffine`.
 */
export function batchNorm(x: Tensor, o: BatchNormOptions): Tensor {
  if (x.rank < 2) throw new RangeError(`batchNorm: input must be [N, C, ...], got ${shapeToString(x.shape)}`);
  const c = x.shape[1];
  for (const [name, t] of [['runningMean', o.runningMean], ['runningVar', o.runningVar]] as const) {
    if (t.size !== c) throw new RangeError(`batchNorm: ${name} ${shapeToString(t.shape)} must have ${c} values for input ${shapeToString(x.shape)}`);
  }
  if (!(o.momentum >= 0 && o.momentum <= 1)) throw new RangeError(`batchNorm: momentum must be in [0, 1], got ${o.momentum}`);
  if (!(o.eps >= 0)) throw new RangeError(`batchNorm: eps must be ≥ 0, got ${o.eps}`);
  const nonFinite = o.nonFinite ?? 'throw';
  if (nonFinite !== 'throw' && nonFinite !== 'skip') throw new RangeError(`batchNorm: nonFinite must be 'throw' or 'skip', got ${String(nonFinite)}`);
  if (o.training) {
    const r = batchNormTraining(x, o.gamma, o.beta, o.eps, o.relu ?? false);
    if (r.count < 2) {
      throw new RangeError(`batchNorm: training needs more than 1 value per channel, got input ${shapeToString(x.shape)}`);
    }
    const bad = firstNonFiniteChannel(r.mean, r.varBiased);
    if (bad >= 0) {
      if (nonFinite === 'skip') return r.y;
      throw new RangeError(
        `${o.name ?? 'batchNorm'}: the training batch ${shapeToString(x.shape)} has non-finite statistics (channel ${bad}: mean ${r.mean[bad]}, variance ${r.varBiased[bad]}); running statistics left unchanged. A NaN or Infinity reached this layer's input: detectAnomaly(() => …) names the op that made it`,
      );
    }
    const m = o.momentum;
    const RM = o.runningMean.data;
    const RV = o.runningVar.data;
    for (let ch = 0; ch < c; ch++) {
      RM[ch] = (1 - m) * RM[ch] + m * r.mean[ch];
      RV[ch] = (1 - m) * RV[ch] + m * ((r.varBiased[ch] * r.count) / (r.count - 1));
    }
    return r.y;
  }
  // Eval: y = x·k + (β − rm·k) with k = γ/√(rv + eps), fused per channel; rm and rv are constants.
  const inv = new Float32Array(c);
  const RV = o.runningVar.data;
  for (let ch = 0; ch < c; ch++) inv[ch] = 1 / Math.sqrt(RV[ch] + o.eps);
  const fixedScale = typeof o.gamma === 'number' ? o.gamma : 1;
  const k = o.gamma instanceof Tensor ? mul(o.gamma, new Tensor(inv, [c])) : new Tensor(inv.map((v) => v * fixedScale), [c]);
  const rmK = mul(k, new Tensor(o.runningMean.data.slice(), [c]));
  const shift = o.beta ? sub(o.beta, rmK) : neg(rmK);
  const y = channelAffine(x, k, shift);
  return o.relu ? relu(y) : y;
}
