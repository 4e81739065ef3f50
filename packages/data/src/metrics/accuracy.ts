/** Classification accuracy. */
import { argmaxRows } from './argmax.js';

/**
 * Fraction of rows of a `[n, numClasses]` logit (or probability) matrix whose argmax equals the label.
 * @throws RangeError when the sizes disagree or there are no rows.
 */
export function accuracy(scores: ArrayLike<number>, labels: Int32Array, numClasses: number): number {
  const predicted = argmaxRows(scores, numClasses);
  if (predicted.length !== labels.length) throw new RangeError(`accuracy: ${predicted.length} score rows but ${labels.length} labels`);
  if (labels.length === 0) throw new RangeError('accuracy: no examples');
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) correct++;
  return correct / labels.length;
}
