/**
 * Training an NCF recommender (He et al., "Neural Collaborative Filtering", WWW 2017, arXiv:1708.05031):
 * every epoch re-draws `numNegatives` negatives per positive (negatives stream), shuffles the
 * instances (shuffle stream) and minimizes the mean binary cross-entropy of the logits.
 */
import { bceWithLogits, type Tensor } from '@gapkit/autodiff';
import { indexBatches, type TrainingInstances, trainingInstances, UserItemIndex } from '@gapkit/data';
import type { Recommender } from '@gapkit/model-zoo';
import type { RngStreams } from '../rng-streams.js';
import type { NcfData } from './task-data.js';

export class NcfTask {
  readonly kind = 'recommender';
  private readonly index: UserItemIndex;
  private instances: TrainingInstances | null = null;
  readonly data: NcfData;
  private readonly batchSize: number;
  private readonly numNegatives: number;
  constructor(data: NcfData, batchSize: number, numNegatives: number) {
    this.data = data;
    this.batchSize = batchSize;
    this.numNegatives = numNegatives;
    this.index = new UserItemIndex(data.train);
  }

  get examplesPerEpoch(): number {
    return this.data.train.n * (1 + this.numNegatives);
  }

  /** Draws the epoch's instances (negatives stream) and their batches (shuffle stream). */
  planEpoch(streams: RngStreams): Int32Array[] {
    this.instances = trainingInstances(this.data.train, this.numNegatives, streams.negatives, this.index);
    return [...indexBatches(this.instances.n, this.batchSize, streams.shuffle)];
  }

  forwardBackward(model: Recommender, indices: Int32Array): { loss: number; logitNorm: number; lossTensor: Tensor } {
    const inst = this.instances;
    if (!inst) throw new Error('NcfTask: planEpoch must run before a step');
    const n = indices.length;
    const users = new Int32Array(n);
    const items = new Int32Array(n);
    const labels = new Float32Array(n);
    for (let k = 0; k < n; k++) {
      const j = indices[k];
      users[k] = inst.users[j];
      items[k] = inst.items[j];
      labels[k] = inst.labels[j];
    }
    const logits = model.forward(users, items);
    const loss = bceWithLogits(logits, labels, { reduction: 'mean' });
    let s = 0;
    for (const v of logits.data) s += Math.abs(v);
    return { loss: loss.item(), logitNorm: n > 0 ? s / n : 0, lossTensor: loss };
  }
}
