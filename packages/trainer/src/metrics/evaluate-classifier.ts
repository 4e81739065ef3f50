/** A classifier on a split: mean loss, accuracy, ECE (15 bins, Guo et al. 2017) and mean logit norm. */
import { crossEntropy, type Layer, noGrad, Rng, tensor } from '@gapkit/autodiff';
import { argmaxRows, Batcher, type ChannelNormalization, expectedCalibrationError, type ImageDataset, softmaxRows } from '@gapkit/data';
import { meanRowNorm } from '../tasks/classifier-task.js';

export interface ClassifierEvaluation {
  readonly loss: number;
  readonly accuracy: number;
  readonly ece: number;
  readonly logitNorm: number;
  readonly n: number;
}

export function evaluateClassifier(model: Layer, ds: ImageDataset, normalization: ChannelNormalization | undefined, batchSize = 500): ClassifierEvaluation {
  const batcher = new Batcher(ds, { batchSize, rng: new Rng(0), shuffle: false, normalize: normalization });
  const wasTraining = model.training;
  model.eval();
  let lossSum = 0;
  let correct = 0;
  let normSum = 0;
  let classes = 0;
  const probs: Float32Array[] = [];
  const labels = new Int32Array(ds.n);
  let at = 0;
  try {
    noGrad(() => {
      for (const b of batcher.epoch()) {
        const logits = model.forward(tensor(b.x, b.shape));
        classes = logits.shape[1];
        lossSum += crossEntropy(logits, b.y, { reduction: 'sum' }).item();
        const predicted = argmaxRows(logits.data, classes);
        for (let i = 0; i < b.size; i++) if (predicted[i] === b.y[i]) correct++;
        normSum += meanRowNorm(logits.data, classes) * b.size;
        probs.push(softmaxRows(logits.data, classes));
        labels.set(b.y, at);
        at += b.size;
      }
    });
  } finally {
    model.train(wasTraining);
  }
  const all = new Float32Array(ds.n * classes);
  let off = 0;
  for (const p of probs) {
    all.set(p, off);
    off += p.length;
  }
  const n = ds.n;
  return { loss: lossSum / n, accuracy: correct / n, ece: expectedCalibrationError(all, labels, classes, 15).ece, logitNorm: normSum / n, n };
}
