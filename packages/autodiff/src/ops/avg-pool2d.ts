import { gradArray } from '../gradient-pool.js';
import { fromOp, Tensor } from '../tensor.js';
import type { Pair } from './pair.js';
import { poolGeometry } from './pool-geometry.js';

/**
 * Mean over kernel windows of x [N, C, H, W]; padded positions count as zeros in the divisor
 * (PyTorch's count_include_pad = true), so every window divides by KH·KW.
 * d/dx: each output's gradient, divided by KH·KW, goes to every in-bounds position of its window.
 */
export function avgPool2d(x: Tensor, kernel: Pair, stride?: Pair, padding: Pair = 0): Tensor {
  const g = poolGeometry('avgPool2d', x.shape, kernel, stride, padding);
  const { h, w, kh, kw, sh, sw, ph, pw, oh, ow } = g;
  const planes = g.n * g.c;
  const scale = 1 / (kh * kw);
  const X = x.data;
  const Y = new Float32Array(planes * oh * ow);
  let o = 0;
  for (let p = 0; p < planes; p++) {
    const base = p * h * w;
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++, o++) {
        let s = 0;
        for (let ky = 0; ky < kh; ky++) {
          const iy = oy * sh - ph + ky;
          if (iy < 0 || iy >= h) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = ox * sw - pw + kx;
            if (ix >= 0 && ix < w) s += X[base + iy * w + ix];
          }
        }
        Y[o] = s * scale;
      }
    }
  }
  return fromOp('avgPool2d', Y, [g.n, g.c, oh, ow], [x], (dy) => {
    const D = dy.data;
    const dx = gradArray(X.length);
    let i = 0;
    for (let p = 0; p < planes; p++) {
      const base = p * h * w;
      for (let oy = 0; oy < oh; oy++) {
        for (let ox = 0; ox < ow; ox++, i++) {
          const d = D[i] * scale;
          for (let ky = 0; ky < kh; ky++) {
            const iy = oy * sh - ph + ky;
            if (iy < 0 || iy >= h) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = ox * sw - pw + kx;
              if (ix >= 0 && ix < w) dx[base + iy * w + ix] += d;
            }
          }
        }
      }
    }
    return [new Tensor(dx, x.shape)];
  });
}
