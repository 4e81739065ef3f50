/**
 * The `tf.customGrad` workarounds both TF.js peers get: tfjs-backend-wasm has no
 * Conv2DBackpropFilter and no UnsortedSegmentSum kernel, and tfjs-backend-cpu's are pathologically
 * slow. So
 * - conv2d's filter gradient is transpose(im2col(x))·dy, im2col built from pad/stridedSlice/concat,
 *   with an explicit transpose (wasm's matMul with transposeA is ~10× slower); its input gradient is
 *   the stock Conv2DBackpropInput kernel;
 * - gather's (embedding) gradient is a scatterND of dy into the table's shape (duplicates summed).
 */
import { tf } from './tf.js';

type T4 = tf.Tensor4D;

/** im2col of NHWC x for a KH×KW kernel: [N·OH·OW, KH·KW·C], columns in (ky, kx, c) order. */
function im2col(x: T4, kh: number, kw: number, stride: number, pad: number, oh: number, ow: number): tf.Tensor2D {
  const [n, , , c] = x.shape;
  const xp = pad > 0 ? tf.pad(x, [[0, 0], [pad, pad], [pad, pad], [0, 0]]) : x;
  const parts: tf.Tensor4D[] = [];
  for (let ky = 0; ky < kh; ky++) {
    for (let kx = 0; kx < kw; kx++) {
      parts.push(
        tf.stridedSlice(xp, [0, ky, kx, 0], [n, ky + stride * (oh - 1) + 1, kx + stride * (ow - 1) + 1, c], [1, stride, stride, 1]) as T4,
      );
    }
  }
  const cols = parts.length === 1 ? parts[0] : tf.concat(parts, 3);
  return tf.reshape(cols, [n * oh * ow, kh * kw * c]);
}

/** conv2d (NHWC x, HWIO w, symmetric padding) whose gradients avoid the missing/slow kernels. */
export function conv2dPatched(x: T4, w: tf.Tensor4D, stride: number, pad: number): T4 {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const xt = args[0] as T4;
    const wt = args[1] as tf.Tensor4D;
    (args[2] as tf.GradSaveFunc)([xt, wt]);
    const y = tf.conv2d(xt, wt, stride, pad);
    return {
      value: y,
      gradFunc: (dy, saved) => {
        const [xs, ws] = saved as [T4, tf.Tensor4D];
        const d = dy as T4;
        const [kh, kw, cin, cout] = ws.shape;
        const [, oh, ow] = d.shape;
        const dx = tf.conv2dTranspose(d, ws, xs.shape, stride, pad);
        const cols = im2col(xs, kh, kw, stride, pad, oh, ow);
        const dw = tf.reshape(tf.matMul(tf.transpose(cols), tf.reshape(d, [-1, cout])), [kh, kw, cin, cout]);
        return [dx, dw];
      },
    };
  });
  return f(x, w) as T4;
}

/** Row lookup table[ids] whose gradient is a scatterND (no UnsortedSegmentSum). */
export function gatherPatched(table: tf.Tensor2D, ids: tf.Tensor1D): tf.Tensor2D {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const t = args[0] as tf.Tensor2D;
    const i = args[1] as tf.Tensor1D;
    (args[2] as tf.GradSaveFunc)([i]);
    return {
      value: tf.gather(t, i),
      gradFunc: (dy, saved) => {
        const [idx] = saved as [tf.Tensor1D];
        const dTable = tf.scatterND(tf.reshape(idx, [-1, 1]), dy as tf.Tensor2D, t.shape);
        return [dTable, tf.zerosLike(idx)];
      },
    };
  });
  return f(table, ids) as tf.Tensor2D;
}
