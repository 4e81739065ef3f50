/** Row-wise argmax of a row-major `[n, numClasses]` score matrix (first maximum wins). */
export function argmaxRows(scores: ArrayLike<number>, numClasses: number): Int32Array {
  if (!Number.isInteger(numClasses) || numClasses < 1 || scores.length % numClasses !== 0) {
    throw new RangeError(`argmaxRows: ${scores.length} scores is not a whole number of rows of ${numClasses}`);
  }
  const n = scores.length / numClasses;
  const out = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    let best = 0;
    let bestValue = scores[r * numClasses];
    for (let c = 1; c < numClasses; c++) {
      const v = scores[r * numClasses + c];
      if (v > bestValue) {
        bestValue = v;
        best = c;
      }
    }
    out[r] = best;
  }
  return out;
}
