/** Row-wise softmax of a `[n, numClasses]` logit matrix (max-subtracted, float64 accumulation). */
export function softmaxRows(logits: ArrayLike<number>, numClasses: number): Float32Array {
  if (!Number.isInteger(numClasses) || numClasses < 1 || logits.length % numClasses !== 0) {
    throw new RangeError(`softmaxRows: ${logits.length} logits is not a whole number of rows of ${numClasses}`);
  }
  const out = new Float32Array(logits.length);
  for (let r = 0; r < logits.length; r += numClasses) {
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < numClasses; c++) max = Math.max(max, logits[r + c]);
    let sum = 0;
    for (let c = 0; c < numClasses; c++) sum += Math.exp(logits[r + c] - max);
    for (let c = 0; c < numClasses; c++) out[r + c] = Math.exp(logits[r + c] - max) / sum;
  }
  return out;
}
