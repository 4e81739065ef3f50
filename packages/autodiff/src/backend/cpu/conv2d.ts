/** Reference CPU conv2d and its two backward kernels as direct loops (float64 accumulation). */
import type { Conv2dGeometry } from '../backend.js';

/** y[n,o,oy,ox] = Σ_{c,ky,kx} x[n,c,oy·sh−ph+ky, ox·sw−pw+kx] · w[o,c,ky,kx]. */
export function conv2dCpu(x: Float32Array, w: Float32Array, g: Conv2dGeometry): Float32Array {
  const { batch: N, inChannels: C, inHeight: H, inWidth: W, outChannels: O, kernelH: KH, kernelW: KW } = g;
  const { strideH: sh, strideW: sw, padH: ph, padW: pw, outHeight: OH, outWidth: OW } = g;
  const y = new Float32Array(N * O * OH * OW);
  for (let n = 0; n < N; n++) {
    for (let o = 0; o < O; o++) {
      for (let oy = 0; oy < OH; oy++) {
        for (let ox = 0; ox < OW; ox++) {
          let acc = 0;
          for (let c = 0; c < C; c++) {
            const xBase = (n * C + c) * H;
            const wBase = (o * C + c) * KH;
            for (let ky = 0; ky < KH; ky++) {
              const iy = oy * sh - ph + ky;
              if (iy < 0 || iy >= H) continue;
              for (let kx = 0; kx < KW; kx++) {
                const ix = ox * sw - pw + kx;
                if (ix < 0 || ix >= W) continue;
                acc += x[(xBase + iy) * W + ix] * w[(wBase + ky) * KW + kx];
              }
            }
          }
          y[((n * O + o) * OH + oy) * OW + ox] = acc;
        }
      }
    }
  }
  return y;
}

/** dx[n,c,iy,ix] = Σ over every (o, oy, ox, ky, kx) that read x[n,c,iy,ix] of dy·w. */
export function conv2dBackpropInputCpu(dy: Float32Array, w: Float32Array, g: Conv2dGeometry): Float32Array {
  const { batch: N, inChannels: C, inHeight: H, inWidth: W, outChannels: O, kernelH: KH, kernelW: KW } = g;
  const { strideH: sh, strideW: sw, padH: ph, padW: pw, outHeight: OH, outWidth: OW } = g;
  const dx = new Float64Array(N * C * H * W);
  for (let n = 0; n < N; n++) {
    for (let o = 0; o < O; o++) {
      for (let oy = 0; oy < OH; oy++) {
        for (let ox = 0; ox < OW; ox++) {
          const d = dy[((n * O + o) * OH + oy) * OW + ox];
          if (d === 0) continue;
          for (let c = 0; c < C; c++) {
            const xBase = (n * C + c) * H;
            const wBase = (o * C + c) * KH;
            for (let ky = 0; ky < KH; ky++) {
              const iy = oy * sh - ph + ky;
              if (iy < 0 || iy >= H) continue;
              for (let kx = 0; kx < KW; kx++) {
                const ix = ox * sw - pw + kx;
                if (ix < 0 || ix >= W) continue;
                dx[(xBase + iy) * W + ix] += d * w[(wBase + ky) * KW + kx];
              }
            }
          }
        }
      }
    }
  }
  return Float32Array.from(dx);
}

/** dw[o,c,ky,kx] = Σ_{n,oy,ox} dy[n,o,oy,ox] · x[n,c,oy·sh−ph+ky, ox·sw−pw+kx]. */
export function conv2dBackpropFilterCpu(x: Float32Array, dy: Float32Array, g: Conv2dGeometry): Float32Array {
  const { batch: N, inChannels: C, inHeight: H, inWidth: W, outChannels: O, kernelH: KH, kernelW: KW } = g;
  const { strideH: sh, strideW: sw, padH: ph, padW: pw, outHeight: OH, outWidth: OW } = g;
  const dw = new Float32Array(O * C * KH * KW);
  for (let o = 0; o < O; o++) {
    for (let c = 0; c < C; c++) {
      for (let ky = 0; ky < KH; ky++) {
        for (let kx = 0; kx < KW; kx++) {
          let acc = 0;
          for (let n = 0; n < N; n++) {
            const xBase = (n * C + c) * H;
            const dyBase = (n * O + o) * OH;
            for (let oy = 0; oy < OH; oy++) {
              const iy = oy * sh - ph + ky;
              if (iy < 0 || iy >= H) continue;
              for (let ox = 0; ox < OW; ox++) {
                const ix = ox * sw - pw + kx;
                if (ix < 0 || ix >= W) continue;
                acc += dy[(dyBase + oy) * OW + ox] * x[(xBase + iy) * W + ix];
              }
            }
          }
          dw[((o * C + c) * KH + ky) * KW + kx] = acc;
        }
      }
    }
  }
  return dw;
}
