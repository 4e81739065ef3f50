/** Building a complete `Conv2dGeometry` from the few numbers that define it. */
import type { Conv2dGeometry } from './backend.js';

/** What defines a convolution; output sizes are derived. Stride defaults to 1, padding to 0. */
export interface Conv2dSpec {
  readonly batch: number;
  readonly inChannels: number;
  readonly inHeight: number;
  readonly inWidth: number;
  readonly outChannels: number;
  readonly kernelH: number;
  readonly kernelW: number;
  readonly strideH?: number;
  readonly strideW?: number;
  readonly padH?: number;
  readonly padW?: number;
}

/** The geometry with outHeight = ⌊(H + 2·padH − KH)/strideH⌋ + 1 (likewise for width). */
export function conv2dGeometry(s: Conv2dSpec): Conv2dGeometry {
  const strideH = s.strideH ?? 1;
  const strideW = s.strideW ?? 1;
  const padH = s.padH ?? 0;
  const padW = s.padW ?? 0;
  const outHeight = Math.floor((s.inHeight + 2 * padH - s.kernelH) / strideH) + 1;
  const outWidth = Math.floor((s.inWidth + 2 * padW - s.kernelW) / strideW) + 1;
  if (outHeight < 1 || outWidth < 1) throw new RangeError(`conv2dGeometry: empty output (${outHeight}×${outWidth})`);
  return { ...s, strideH, strideW, padH, padW, outHeight, outWidth };
}
