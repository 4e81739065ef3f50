/** gpu.js kernel body for the forward convolution, one output element y[n, o, oy, ox] per thread. */
import type { KernelThis } from '../gpu-handle.js';
import type { ConvConstants } from './conv-constants.js';

/** y[n,o,oy,ox] = Σ_{c,ky,kx} x[n, c, oy·SH−PH+ky, ox·SW−PW+kx]·w[o, c, ky, kx]. */
export function conv2dKernel(this: KernelThis<ConvConstants>, x: Float32Array, w: Float32Array): number {
  const per = this.constants.O * this.constants.OH * this.constants.OW;
  const n = Math.floor((this.thread.x + 0.5) / per);
  const r = this.thread.x - n * per;
  const o = Math.floor((r + 0.5) / (this.constants.OH * this.constants.OW));
  const r2 = r - o * this.constants.OH * this.constants.OW;
  const oy = Math.floor((r2 + 0.5) / this.constants.OW);
  const ox = r2 - oy * this.constants.OW;
  let s = 0;
  for (let c = 0; c < this.constants.C; c++) {
    for (let ky = 0; ky < this.constants.KH; ky++) {
      const iy = oy * this.constants.SH - this.constants.PH + ky;
      for (let kx = 0; kx < this.constants.KW; kx++) {
        const ix = ox * this.constants.SW - this.constants.PW + kx;
        if (iy >= 0 && iy < this.constants.H && ix >= 0 && ix < this.constants.W) {
          s +=
            x[((n * this.constants.C + c) * this.constants.H + iy) * this.constants.W + ix] *
            w[((o * this.constants.C + c) * this.constants.KH + ky) * this.constants.KW + kx];
        }
      }
    }
  }
  return s;
}
