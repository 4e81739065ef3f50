/** Window geometry shared by the 2-D pooling ops (NCHW, floor mode, as PyTorch's defaults). */
import { shapeToString } from '../shape.js';
import { type Pair, toPair } from './pair.js';

export interface PoolGeometry {
  readonly n: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
  readonly kh: number;
  readonly kw: number;
  readonly sh: number;
  readonly sw: number;
  readonly ph: number;
  readonly pw: number;
  readonly oh: number;
  readonly ow: number;
}

/** Validates a pooling call (stride defaults to the kernel; padding ≤ half the kernel) and derives sizes. */
export function poolGeometry(op: string, shape: readonly number[], kernel: Pair, stride: Pair | undefined, padding: Pair): PoolGeometry {
  if (shape.length !== 4) throw new RangeError(`${op}: input must be [N, C, H, W], got ${shapeToString(shape)}`);
  const [kh, kw] = toPair(op, 'kernel', kernel, 1);
  const [sh, sw] = toPair(op, 'stride', stride ?? [kh, kw], 1);
  const [ph, pw] = toPair(op, 'padding', padding, 0);
  if (2 * ph > kh || 2 * pw > kw) {
    throw new RangeError(`${op}: padding [${ph}, ${pw}] must be at most half the kernel [${kh}, ${kw}]`);
  }
  const [n, c, h, w] = shape;
  const oh = Math.floor((h + 2 * ph - kh) / sh) + 1;
  const ow = Math.floor((w + 2 * pw - kw) / sw) + 1;
  if (oh < 1 || ow < 1) {
    throw new RangeError(`${op}: kernel ${kh}×${kw} does not fit input ${h}×${w} with padding [${ph}, ${pw}]`);
  }
  return { n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow };
}
