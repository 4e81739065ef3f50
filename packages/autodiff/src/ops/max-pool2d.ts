import { gradArray } from '../gradient-pool.js';
import { fromOp, Tensor } from '../tensor.js';
import type { Pair } from './pair.js';
import { poolGeometry } from './pool-geometry.js';

/**
 * Max over kernel windows of x [N, C, H, W] (stride defaults to the kernel; padding counts as −∞).
 * d/dx: each output's gradient goes to the first position holding its window's maximum.
 */
export function maxPool2d(x: Tensor, kernel: Pair, stride?: Pair, padding: Pair = 0): Tensor {
  const g = poolGeometry('maxPool2d', x.shape, kernel, stride, padding);
  const { h, w, kh, kw, sh, sw, ph, pw, oh, ow } = g;
  const planes = g.n * g.c;
  const X = x.data;
  const Y = new Float32Array(planes * oh * ow);
  const arg = new Int32Array(Y.length);
  let o = 0;
  for (let p = 0; p < planes; p++) {
    const base = p * h * w;
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++, o++) {
        let best = -Infinity;
        let at = -1;
        for (let ky = 0; ky < kh; ky++) {
          const iy = oy * sh - ph + ky;
          if (iy < 0 || iy >= h) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = ox * sw - pw + kx;
            if (ix < 0 || ix >= w) continue;
            const v = X[base + iy * w + ix];
            if (at < 0 || v > best) {
              best = v;
              at = base + iy * w + ix;
            }
          }
        }
        Y[o] = best;
        arg[o] = at;
      }
    }
  }
  return fromOp('maxPool2d', Y, [g.n, g.c, oh, ow], [x], (dy) => {
    const D = dy.data;
    const dx = gradArray(X.length);
    for (let i = 0; i < D.length; i++) dx[arg[i]] += D[i];
    return [new Tensor(dx, x.shape)];
  });
}
