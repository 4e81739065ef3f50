/**
 * One supervised step and one evaluation pass for an image classifier — the loop every app shares.
 * A non-finite loss stops training with an error naming the step; it never passes silently.
 */
import { crossEntropy, noGrad, type Tensor, tensor } from '@gapkit/autodiff';
import { argmaxRows, type Batch, type Batcher } from '@gapkit/data';

/** A model that maps NCHW images to logits [N, classes]. */
export interface Classifier {
  forward(x: Tensor): Tensor;
  train(on?: boolean): unknown;
  eval(): unknown;
}

/** Anything with zeroGrad/step (every gapkit optimizer). */
export interface Stepper {
  zeroGrad(): void;
  step(): unknown;
}

export function batchTensor(b: Batch): Tensor {
  return tensor(b.x, b.shape);
}

/** Forward, mean cross-entropy, backward, optimizer step. Returns the loss. */
export function trainStep(model: Classifier, optimizer: Stepper, b: Batch, where: string): number {
  optimizer.zeroGrad();
  const loss = crossEntropy(model.forward(batchTensor(b)), b.y, { reduction: 'mean' });
  const value = loss.item();
  if (!Number.isFinite(value)) {
    throw new RangeError(`${where}: the training loss became ${value}; stopping (lower the learning rate or check the inputs)`);
  }
  loss.backward();
  optimizer.step();
  return value;
}

export interface Evaluation {
  readonly loss: number;
  readonly accuracy: number;
  /** Predicted class per image, in data-set order. */
  readonly predictions: Int32Array;
}

/** Mean loss, accuracy and predictions over one unshuffled pass (eval mode, no graph). */
export function evaluate(model: Classifier, batcher: Batcher): Evaluation {
  model.eval();
  const predictions = new Int32Array(batcher.dataset.n);
  let lossSum = 0;
  let correct = 0;
  noGrad(() => {
    for (const b of batcher.epoch()) {
      const logits = model.forward(batchTensor(b));
      lossSum += crossEntropy(logits, b.y, { reduction: 'sum' }).item();
      const predicted = argmaxRows(logits.data, logits.shape[1]);
      for (let i = 0; i < b.size; i++) {
        predictions[b.indices[i]] = predicted[i];
        if (predicted[i] === b.y[i]) correct++;
      }
    }
  });
  model.train();
  const n = batcher.dataset.n;
  return { loss: lossSum / n, accuracy: correct / n, predictions };
}
