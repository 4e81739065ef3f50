/** The convolution geometry as gpu.js constants (short names: they are baked into kernel source). */
import type { Conv2dGeometry } from '@gapkit/autodiff';

/** Constants shared by the three convolution kernels. */
export interface ConvConstants extends Record<string, number> {
  NB: number;
  C: number;
  H: number;
  W: number;
  O: number;
  KH: number;
  KW: number;
  SH: number;
  SW: number;
  PH: number;
  PW: number;
  OH: number;
  OW: number;
}

/** `g` as kernel constants. */
export function convConstants(g: Conv2dGeometry): ConvConstants {
  return {
    NB: g.batch, C: g.inChannels, H: g.inHeight, W: g.inWidth, O: g.outChannels, KH: g.kernelH, KW: g.kernelW,
    SH: g.strideH, SW: g.strideW, PH: g.padH, PW: g.padW, OH: g.outHeight, OW: g.outWidth,
  };
}
