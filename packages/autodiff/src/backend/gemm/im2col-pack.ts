/**
 * im2col straight into the packed panel layouts of `packed-gemm.ts` (no intermediate column matrix),
 * col2im back, and NCHW activations viewed as an [O, images·P] matrix. P = outHeight·outWidth,
 * CKK = inChannels·kernelH·kernelW; `n0`/`nb` select a chunk of images.
 */
import type { Conv2dGeometry } from '../backend.js';

/** Output coordinates of column j of an image chunk: image, then row, then column (exported for the worker source). */
export function columnCoords(g: Conv2dGeometry, j0: number, count: number, img: Int32Array, iy0: Int32Array, ix0: Int32Array): void {
  const P = g.outHeight * g.outWidth;
  for (let c = 0; c < count; c++) {
    const j = j0 + c;
    const n = (j / P) | 0;
    const q = j - n * P;
    const oy = (q / g.outWidth) | 0;
    img[c] = n;
    iy0[c] = oy * g.strideH - g.padH;
    ix0[c] = (q - oy * g.outWidth) * g.strideW - g.padW;
  }
}

/** Packed B of the forward GEMM: B[(ci,ky,kx), (n,oy,ox)] = x[n0+n, ci, oy·sh−ph+ky, ox·sw−pw+kx]. */
export function im2colPackB(x: Float32Array, g: Conv2dGeometry, n0: number, nb: number, nr: number, dst: Float32Array): void {
  const { inChannels: C, inHeight: H, inWidth: W, kernelH: KH, kernelW: KW, strideW: sw } = g;
  const K = C * KH * KW;
  const N = nb * g.outHeight * g.outWidth;
  const img = new Int32Array(nr);
  const iy0 = new Int32Array(nr);
  const ix0 = new Int32Array(nr);
  const nPanels = Math.ceil(N / nr);
  const HW = H * W;
  for (let jp = 0; jp < nPanels; jp++) {
    const cols = Math.min(nr, N - jp * nr);
    columnCoords(g, jp * nr, cols, img, iy0, ix0);
    let d = jp * K * nr;
    // Fast path: the whole panel is one run of one output row of one image.
    const oneRow = cols === nr && img[0] === img[nr - 1] && iy0[0] === iy0[nr - 1];
    if (oneRow) {
      const xImg = (n0 + img[0]) * C * HW;
      const ixFirst = ix0[0];
      const ixLast = ix0[nr - 1];
      for (let ci = 0; ci < C; ci++) {
        const xc = xImg + ci * HW;
        for (let ky = 0; ky < KH; ky++) {
          const iy = iy0[0] + ky;
          if (iy < 0 || iy >= H) {
            dst.fill(0, d, d + KW * nr);
            d += KW * nr;
            continue;
          }
          const xr = xc + iy * W;
          for (let kx = 0; kx < KW; kx++, d += nr) {
            const a = ixFirst + kx;
            if (a >= 0 && ixLast + kx < W) {
              for (let c = 0, s = xr + a; c < nr; c++, s += sw) dst[d + c] = x[s];
            } else {
              for (let c = 0; c < nr; c++) {
                const ix = a + c * sw;
                dst[d + c] = ix >= 0 && ix < W ? x[xr + ix] : 0;
              }
            }
          }
        }
      }
      continue;
    }
    for (let ci = 0; ci < C; ci++) {
      for (let ky = 0; ky < KH; ky++) {
        for (let kx = 0; kx < KW; kx++, d += nr) {
          for (let c = 0; c < nr; c++) {
            let v = 0;
            if (c < cols) {
              const iy = iy0[c] + ky;
              const ix = ix0[c] + kx;
              if (iy >= 0 && iy < H && ix >= 0 && ix < W) v = x[(((n0 + img[c]) * C + ci) * H + iy) * W + ix];
            }
            dst[d + c] = v;
          }
        }
      }
    }
  }
}

/** Packed B of the filter-gradient GEMM: the transpose of the forward column matrix, B[(n,oy,ox), (ci,ky,kx)]. */
export function im2colPackBT(x: Float32Array, g: Conv2dGeometry, n0: number, nb: number, nr: number, dst: Float32Array): void {
  const { inChannels: C, inHeight: H, inWidth: W, kernelH: KH, kernelW: KW, outHeight: OH, outWidth: OW } = g;
  const { strideH: sh, strideW: sw, padH: ph, padW: pw } = g;
  const KK = KH * KW;
  const Ncol = C * KK;
  const K = nb * OH * OW;
  const nPanels = Math.ceil(Ncol / nr);
  const HW = H * W;
  const off = new Int32Array(nr);
  const ky = new Int32Array(nr);
  const kx = new Int32Array(nr);
  for (let jp = 0; jp < nPanels; jp++) {
    const cols = Math.min(nr, Ncol - jp * nr);
    for (let c = 0; c < nr; c++) {
      const col = Math.min(jp * nr + c, Ncol - 1);
      const ch = (col / KK) | 0;
      const r = col - ch * KK;
      ky[c] = (r / KW) | 0;
      kx[c] = r - ky[c] * KW;
      off[c] = ch * HW + ky[c] * W + kx[c];
    }
    let d = jp * K * nr;
    for (let n = 0; n < nb; n++) {
      const xImg = (n0 + n) * C * HW;
      for (let oy = 0; oy < OH; oy++) {
        const iy = oy * sh - ph;
        const rowInside = iy >= 0 && iy + KH <= H;
        for (let ox = 0; ox < OW; ox++, d += nr) {
          const ix = ox * sw - pw;
          const base = xImg + iy * W + ix;
          if (rowInside && ix >= 0 && ix + KW <= W && cols === nr) {
            for (let c = 0; c < nr; c++) dst[d + c] = x[base + off[c]];
          } else {
            for (let c = 0; c < nr; c++) {
              const yy = iy + ky[c];
              const xx = ix + kx[c];
              dst[d + c] = c < cols && yy >= 0 && yy < H && xx >= 0 && xx < W ? x[base + off[c]] : 0;
            }
          }
        }
      }
    }
  }
}

/** dx[n0+n, ci, iy, ix] += C[(ci,ky,kx), (n,oy,ox)] for every position that read it (col2im). */
export function col2imAdd(c: Float32Array, ldc: number, g: Conv2dGeometry, n0: number, nb: number, dx: Float32Array): void {
  const { inChannels: C, inHeight: H, inWidth: W, kernelH: KH, kernelW: KW, outHeight: OH, outWidth: OW } = g;
  const { strideH: sh, strideW: sw, padH: ph, padW: pw } = g;
  const P = OH * OW;
  for (let ci = 0; ci < C; ci++) {
    for (let ky = 0; ky < KH; ky++) {
      for (let kx = 0; kx < KW; kx++) {
        const row = ((ci * KH + ky) * KW + kx) * ldc;
        // ox range with 0 <= ox·sw − pw + kx < W
        const oxLo = Math.max(0, Math.ceil((pw - kx) / sw));
        const oxHi = Math.min(OW, Math.floor((W - 1 + pw - kx) / sw) + 1);
        for (let n = 0; n < nb; n++) {
          const xBase = ((n0 + n) * C + ci) * H;
          for (let oy = 0; oy < OH; oy++) {
            const iy = oy * sh - ph + ky;
            if (iy < 0 || iy >= H) continue;
            const src = row + n * P + oy * OW;
            const dBase = (xBase + iy) * W - pw + kx;
            for (let ox = oxLo; ox < oxHi; ox++) dx[dBase + ox * sw] += c[src + ox];
          }
        }
      }
    }
  }
}

/** Packed A from NCHW dy: A[o, (n,q)] = dy[n0+n, o, q] (M = O, K = nb·P). */
export function packActivationsA(dy: Float32Array, O: number, P: number, n0: number, nb: number, mr: number, dst: Float32Array): void {
  const K = nb * P;
  const mPanels = Math.ceil(O / mr);
  for (let ip = 0; ip < mPanels; ip++) {
    const rows = Math.min(mr, O - ip * mr);
    const base = ip * K * mr;
    if (rows < mr) dst.fill(0, base, base + K * mr);
    for (let r = 0; r < rows; r++) {
      const o = ip * mr + r;
      for (let n = 0; n < nb; n++) {
        const s = ((n0 + n) * O + o) * P;
        for (let q = 0, d = base + n * P * mr + r; q < P; q++, d += mr) dst[d] = dy[s + q];
      }
    }
  }
}

/** Packed B from NCHW dy: B[o, (n,q)] = dy[n0+n, o, q] (K = O, N = nb·P). */
export function packActivationsB(dy: Float32Array, O: number, P: number, n0: number, nb: number, nr: number, dst: Float32Array): void {
  const N = nb * P;
  const nPanels = Math.ceil(N / nr);
  for (let jp = 0; jp < nPanels; jp++) {
    const j0 = jp * nr;
    const cols = Math.min(nr, N - j0);
    const base = jp * O * nr;
    for (let c = 0; c < nr; c++) {
      if (c >= cols) {
        for (let o = 0, d = base + c; o < O; o++, d += nr) dst[d] = 0;
        continue;
      }
      const n = ((j0 + c) / P) | 0;
      const q = j0 + c - n * P;
      const s = (n0 + n) * O * P + q;
      for (let o = 0, d = base + c; o < O; o++, d += nr) dst[d] = dy[s + o * P];
    }
  }
}

/** y[n0+n, o, q] = C[o, (n,q)]. */
export function unpackToNchw(c: Float32Array, ldc: number, O: number, P: number, n0: number, nb: number, y: Float32Array): void {
  for (let o = 0; o < O; o++) {
    for (let n = 0; n < nb; n++) {
      const s = o * ldc + n * P;
      y.set(c.subarray(s, s + P), ((n0 + n) * O + o) * P);
    }
  }
}
