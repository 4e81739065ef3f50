/**
 * Training an image classifier: epochs of shuffled index batches (shuffle stream), augmentation
 * (augment stream), mean cross-entropy plus the logit-L2 penalty when that head is chosen.
 */
import { add, crossEntropy, type Layer, type Tensor, tensor } from '@gapkit/autodiff';
import { Batcher, indexBatches } from '@gapkit/data';
import { logitL2Penalty } from '@gapkit/model-zoo';
import type { RngStreams } from '../rng-streams.js';
import type { ClassifierData } from './task-data.js';

/** Mean over rows of ‖z_i‖ of a [B, C] logit matrix. */
export function meanRowNorm(z: Float32Array, cols: number): number {
  const rows = z.length / cols;
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) {
      const v = z[r * cols + c];
      s += v * v;
    }
    sum += Math.sqrt(s);
  }
  return rows > 0 ? sum / rows : 0;
}

export class ClassifierTask {
  readonly kind = 'classifier';
  readonly batcher: Batcher;
  readonly data: ClassifierData;
  private readonly batchSize: number;
  private readonly logitL2: number;
  constructor(data: ClassifierData, batchSize: number, augment: boolean, logitL2: number, streams: RngStreams) {
    this.data = data;
    this.batchSize = batchSize;
    this.logitL2 = logitL2;
    this.batcher = new Batcher(data.train, {
      batchSize,
      rng: streams.augment,
      augment: augment ? data.augmentation : undefined,
      normalize: data.normalization,
    });
  }

  get examplesPerEpoch(): number {
    return this.data.train.n;
  }

  /** The epoch's batches of training indices (draws from the shuffle stream). */
  planEpoch(streams: RngStreams): Int32Array[] {
    return [...indexBatches(this.data.train.n, this.batchSize, streams.shuffle)];
  }

  /** Forward and backward of one batch; returns the loss and the mean logit norm. */
  forwardBackward(model: Layer, indices: Int32Array): { loss: number; logitNorm: number; lossTensor: Tensor } {
    const b = this.batcher.batch(indices);
    const logits = model.forward(tensor(b.x, b.shape));
    const ce = crossEntropy(logits, b.y, { reduction: 'mean' });
    const loss = this.logitL2 > 0 ? add(ce, logitL2Penalty(logits, this.logitL2)) : ce;
    return { loss: loss.item(), logitNorm: meanRowNorm(logits.data, logits.shape[1]), lossTensor: loss };
  }
}
