/** Applying per-channel normalization to one image in place. */
import type { ChannelNormalization } from './normalization.js';
import { normalizationAffine } from './normalization.js';

/**
 * A function that normalizes one C×H×W image at `offset` in place, for pixels stored as `pixelScale`
 * units (255: raw bytes; 1: values on 0..1).
 * @throws RangeError when the constants' channel count differs from `channels`.
 */
export function imageNormalizer(
  norm: ChannelNormalization,
  channels: number,
  plane: number,
  pixelScale: 1 | 255,
): (data: Float32Array, offset: number) => void {
  if (norm.mean.length !== channels) {
    throw new RangeError(`normalization ${norm.name} has ${norm.mean.length} channels, the images have ${channels}`);
  }
  const { a, b } = normalizationAffine(norm, pixelScale);
  return (data, offset) => {
    for (let c = 0; c < channels; c++) {
      const start = offset + c * plane;
      for (let p = start; p < start + plane; p++) data[p] = data[p] * a[c] + b[c];
    }
  };
}
