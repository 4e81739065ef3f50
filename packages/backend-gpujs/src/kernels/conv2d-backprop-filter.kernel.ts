/** gpu.js kernel body for dL/dw, one weight dw[o, c, ky, kx] per thread, reducing over N·OH·OW. */
import type { KernelThis } from '../gpu-handle.js';
import type { ConvConstants } from './conv-constants.js';

/** dw[o,c,ky,kx] = Σ_{n,oy,ox} dy[n,o,oy,ox]·x[n, c, oy·SH−PH+ky, ox·SW−PW+kx]. */
export function conv2dBackpropFilterKernel(this: KernelThis<ConvConstants>, x: Float32Array, dy: Float32Array): number {
  const kk = this.constants.KH * this.constants.KW;
  const per = this.constants.C * kk;
  const o = Math.floor((this.thread.x + 0.5) / per);
  const r = this.thread.x - o * per;
  const c = Math.floor((r + 0.5) / kk);
  const r2 = r - c * kk;
  const ky = Math.floor((r2 + 0.5) / this.constants.KW);
  const kx = r2 - ky * this.constants.KW;
  let s = 0;
  for (let n = 0; n < this.constants.NB; n++) {
    for (let oy = 0; oy < this.constants.OH; oy++) {
      const iy = oy * this.constants.SH - this.constants.PH + ky;
      if (iy >= 0 && iy < this.constants.H) {
        for (let ox = 0; ox < this.constants.OW; ox++) {
          const ix = ox * this.constants.SW - this.constants.PW + kx;
          if (ix >= 0 && ix < this.constants.W) {
            s +=
              dy[((n * this.constants.O + o) * this.constants.OH + oy) * this.constants.OW + ox] *
              x[((n * this.constants.C + c) * this.constants.H + iy) * this.constants.W + ix];
          }
        }
      }
    }
  }
  return s;
}
