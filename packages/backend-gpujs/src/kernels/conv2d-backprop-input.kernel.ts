/** gpu.js kernel body for dL/dx, one input element dx[n, c, iy, ix] per thread (a gather, no atomics). */
import type { KernelThis } from '../gpu-handle.js';
import type { ConvConstants } from './conv-constants.js';

/** dx[n,c,iy,ix] = Σ over (o, ky, kx) with oy·SH = iy+PH−ky and ox·SW = ix+PW−kx in range of dy·w. */
export function conv2dBackpropInputKernel(this: KernelThis<ConvConstants>, dy: Float32Array, w: Float32Array): number {
  const per = this.constants.C * this.constants.H * this.constants.W;
  const n = Math.floor((this.thread.x + 0.5) / per);
  const r = this.thread.x - n * per;
  const c = Math.floor((r + 0.5) / (this.constants.H * this.constants.W));
  const r2 = r - c * this.constants.H * this.constants.W;
  const iy = Math.floor((r2 + 0.5) / this.constants.W);
  const ix = r2 - iy * this.constants.W;
  let s = 0;
  for (let ky = 0; ky < this.constants.KH; ky++) {
    const ty = iy + this.constants.PH - ky;
    const oy = Math.floor((ty + 0.5) / this.constants.SH);
    for (let kx = 0; kx < this.constants.KW; kx++) {
      const tx = ix + this.constants.PW - kx;
      const ox = Math.floor((tx + 0.5) / this.constants.SW);
      if (ty >= 0 && tx >= 0 && oy * this.constants.SH === ty && ox * this.constants.SW === tx && oy < this.constants.OH && ox < this.constants.OW) {
        for (let o = 0; o < this.constants.O; o++) {
          s +=
            dy[((n * this.constants.O + o) * this.constants.OH + oy) * this.constants.OW + ox] *
            w[((o * this.constants.C + c) * this.constants.KH + ky) * this.constants.KW + kx];
        }
      }
    }
  }
  return s;
}
