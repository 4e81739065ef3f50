/**
 * Cropping an H×W window out of an image padded by `padding` on every side, without materializing the
 * padded image. The window's top-left corner is (dy, dx) in padded coordinates, 0 ≤ dy, dx ≤ 2·padding;
 * dy = dx = padding gives the original image back.
 */
import type { CropSpec } from './augmentation.js';

/** Index into 0..size-1 of padded coordinate `p` (which runs over −padding..size−1+padding). */
function sourceIndex(p: number, size: number, mode: CropSpec['mode']): number {
  if (p >= 0 && p < size) return p;
  if (mode === 'zero') return -1;
  // 'reflect' (numpy/PyTorch): −1 → 1, size → size − 2.
  let q = p;
  while (q < 0 || q >= size) q = q < 0 ? -q : 2 * (size - 1) - q;
  return q;
}

/**
 * Writes the crop of image `src[srcOffset ..]` (C×H×W planar) to `dst[dstOffset ..]` as raw stored values
 * (zero padding writes 0, i.e. a black pixel).
 * @throws RangeError when the offsets are outside 0..2·padding or reflection needs padding ≥ the size.
 */
export function cropPadded(
  src: ArrayLike<number>,
  srcOffset: number,
  dst: Float32Array,
  dstOffset: number,
  shape: { channels: number; height: number; width: number },
  crop: CropSpec,
  dy: number,
  dx: number,
): void {
  const { channels, height, width } = shape;
  const pad = crop.padding;
  if (dy < 0 || dy > 2 * pad || dx < 0 || dx > 2 * pad) throw new RangeError(`crop offset (${dy}, ${dx}) outside 0..${2 * pad}`);
  if (crop.mode === 'reflect' && (pad >= height || pad >= width)) throw new RangeError(`reflect padding ${pad} needs an image larger than ${pad}`);
  const plane = height * width;
  const cols = new Int32Array(width);
  for (let x = 0; x < width; x++) cols[x] = sourceIndex(x + dx - pad, width, crop.mode);
  for (let y = 0; y < height; y++) {
    const sy = sourceIndex(y + dy - pad, height, crop.mode);
    for (let c = 0; c < channels; c++) {
      const out = dstOffset + c * plane + y * width;
      const row = srcOffset + c * plane + sy * width;
      for (let x = 0; x < width; x++) dst[out + x] = sy < 0 || cols[x] < 0 ? 0 : src[row + cols[x]];
    }
  }
}
