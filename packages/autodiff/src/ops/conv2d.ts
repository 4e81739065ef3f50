import type { Conv2dGeometry } from '../backend/backend.js';
import { kernels } from '../backend/registry.js';
import { shapeToString } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';
import { type Pair, toPair } from './pair.js';

export interface Conv2dOptions {
  /** Step between windows, one number or [h, w] (default 1). */
  stride?: Pair;
  /** Zero padding on each side, one number or [h, w] (default 0). */
  padding?: Pair;
}

/**
 * 2-D cross-correlation (no kernel flip, PyTorch's conv2d): x [N, C, H, W], w [O, C, KH, KW],
 * b [O] or null → [N, O, OH, OW], OH = ⌊(H + 2·padH − KH)/strideH⌋ + 1. Runs on `kernels()`.
 * dy/dx = conv2dBackpropInput(dy, w), dy/dw = conv2dBackpropFilter(x, dy), dy/db = Σ_{n,oy,ox} dy.
 */
export function conv2d(x: Tensor, w: Tensor, b: Tensor | null, options: Conv2dOptions = {}): Tensor {
  const g = conv2dGeometry(x.shape, w.shape, options);
  const { batch: N, outChannels: O, outHeight: OH, outWidth: OW } = g;
  if (b !== null && (b.rank !== 1 || b.shape[0] !== O)) {
    throw new RangeError(`conv2d: bias ${shapeToString(b.shape)} must be [${O}] for weight ${shapeToString(w.shape)}`);
  }
  const k = kernels();
  const Y = k.conv2d(x.data, w.data, g);
  const plane = OH * OW;
  if (b !== null) {
    for (let n = 0; n < N; n++) {
      for (let o = 0; o < O; o++) {
        const base = (n * O + o) * plane;
        const bo = b.data[o];
        for (let i = 0; i < plane; i++) Y[base + i] += bo;
      }
    }
  }
  const inputs = b === null ? [x, w] : [x, w, b];
  return fromOp('conv2d', Y, [N, O, OH, OW], inputs, (dy) => {
    const D = dy.data;
    const dx = x.requiresGrad ? new Tensor(k.conv2dBackpropInput(D, w.data, g), x.shape) : null;
    const dw = w.requiresGrad ? new Tensor(k.conv2dBackpropFilter(x.data, D, g), w.shape) : null;
    let db: Tensor | null = null;
    if (b?.requiresGrad) {
      const acc = new Float32Array(O);
      for (let o = 0; o < O; o++) {
        let s = 0;
        for (let n = 0; n < N; n++) {
          const base = (n * O + o) * plane;
          for (let i = 0; i < plane; i++) s += D[base + i];
        }
        acc[o] = s;
      }
      db = new Tensor(acc, b.shape);
    }
    return b === null ? [dx, dw] : [dx, dw, db];
  });
}

/** Validates conv2d shapes (errors name both shapes and the rule) and derives the geometry. */
export function conv2dGeometry(xShape: readonly number[], wShape: readonly number[], options: Conv2dOptions = {}): Conv2dGeometry {
  const [strideH, strideW] = toPair('conv2d', 'stride', options.stride ?? 1, 1);
  const [padH, padW] = toPair('conv2d', 'padding', options.padding ?? 0, 0);
  if (xShape.length !== 4 || wShape.length !== 4 || xShape[1] !== wShape[1]) {
    throw new RangeError(
      `conv2d: input ${shapeToString(xShape)} and weight ${shapeToString(wShape)} do not fit; need x [N, C, H, W] and w [O, C, KH, KW] with the same C`,
    );
  }
  const [batch, inChannels, inHeight, inWidth] = xShape;
  const [outChannels, , kernelH, kernelW] = wShape;
  const outHeight = Math.floor((inHeight + 2 * padH - kernelH) / strideH) + 1;
  const outWidth = Math.floor((inWidth + 2 * padW - kernelW) / strideW) + 1;
  if (outHeight < 1 || outWidth < 1) {
    throw new RangeError(
      `conv2d: kernel ${kernelH}×${kernelW} does not fit input ${inHeight}×${inWidth} with padding [${padH}, ${padW}]; output would be ${outHeight}×${outWidth}`,
    );
  }
  return { batch, inChannels, inHeight, inWidth, outChannels, kernelH, kernelW, strideH, strideW, padH, padW, outHeight, outWidth };
}
