/** Per-channel statistics of an [N, C, ...] buffer (channel = axis 1), accumulated in float64. */

export interface ChannelMoments {
  readonly mean: Float64Array;
  /** Biased variance (divisor N·∏spatial). */
  readonly varBiased: Float64Array;
}

/** Mean and biased variance of each channel of X laid out as [n, c, inner] (two passes, for accuracy). */
export function channelMoments(X: Float32Array, n: number, c: number, inner: number): ChannelMoments {
  const count = n * inner;
  const mean = new Float64Array(c);
  const varBiased = new Float64Array(c);
  for (let ch = 0; ch < c; ch++) {
    let s = 0;
    for (let b = 0; b < n; b++) {
      const base = (b * c + ch) * inner;
      for (let i = 0; i < inner; i++) s += X[base + i];
    }
    const mu = s / count;
    let q = 0;
    for (let b = 0; b < n; b++) {
      const base = (b * c + ch) * inner;
      for (let i = 0; i < inner; i++) {
        const d = X[base + i] - mu;
        q += d * d;
      }
    }
    mean[ch] = mu;
    varBiased[ch] = q / count;
  }
  return { mean, varBiased };
}
