/**
 * Expected calibration error (Guo et al., "On Calibration of Modern Neural Networks", ICML 2017, Eq. 3;
 * 15 equal-width bins as in LAWN's Table 6): each prediction's confidence is its top probability; bin m
 * holds confidences in ((m−1)/M, m/M]; ECE = Σ_m |B_m|/n · |acc(B_m) − conf(B_m)|.
 */
import { argmaxRows } from './argmax.js';

/** One confidence bin. */
export interface CalibrationBin {
  /** Bin covers (lower, upper]. */
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  /** Mean confidence in the bin (0 when empty). */
  readonly confidence: number;
  /** Accuracy in the bin (0 when empty). */
  readonly accuracy: number;
}

/** ECE and the reliability diagram it came from. */
export interface CalibrationResult {
  readonly ece: number;
  readonly bins: CalibrationBin[];
}

/**
 * ECE of a `[n, numClasses]` probability matrix (rows should sum to 1; use `softmaxRows` on logits).
 * @throws RangeError on mismatched sizes, no examples, or a probability outside [0, 1].
 */
export function expectedCalibrationError(
  probabilities: ArrayLike<number>,
  labels: Int32Array,
  numClasses: number,
  numBins = 15,
): CalibrationResult {
  const predicted = argmaxRows(probabilities, numClasses);
  const n = labels.length;
  if (predicted.length !== n) throw new RangeError(`expectedCalibrationError: ${predicted.length} rows but ${n} labels`);
  if (n === 0) throw new RangeError('expectedCalibrationError: no examples');
  if (!Number.isInteger(numBins) || numBins < 1) throw new RangeError(`numBins must be a positive integer, got ${numBins}`);
  const count = new Float64Array(numBins);
  const confSum = new Float64Array(numBins);
  const correct = new Float64Array(numBins);
  for (let r = 0; r < n; r++) {
    const conf = probabilities[r * numClasses + predicted[r]];
    if (!(conf >= 0 && conf <= 1)) throw new RangeError(`expectedCalibrationError: row ${r} has top probability ${conf}, expected 0..1`);
    let bin = Math.min(numBins - 1, Math.max(0, Math.ceil(conf * numBins) - 1));
    // Settle rounding at the edges against the same boundaries the result reports (m / numBins).
    while (bin > 0 && conf <= bin / numBins) bin--;
    while (bin < numBins - 1 && conf > (bin + 1) / numBins) bin++;
    count[bin]++;
    confSum[bin] += conf;
    if (predicted[r] === labels[r]) correct[bin]++;
  }
  let ece = 0;
  const bins: CalibrationBin[] = [];
  for (let m = 0; m < numBins; m++) {
    const c = count[m];
    const confidence = c > 0 ? confSum[m] / c : 0;
    const acc = c > 0 ? correct[m] / c : 0;
    ece += (c / n) * Math.abs(acc - confidence);
    bins.push({ lower: m / numBins, upper: (m + 1) / numBins, count: c, confidence, accuracy: acc });
  }
  return { ece, bins };
}
