/**
 * conv2d and both gradients as GEMMs on a `PackedGemm` engine, over chunks of images so the packed
 * column matrix stays near `CHUNK_FLOATS` floats (bounded memory, cache-friendly):
 * - forward  y = W [O, CKK] · col [CKK, N·P];
 * - input    dcol = Wᵀ [CKK, O] · dy [O, N·P], then col2im;
 * - filter   dW [O, CKK] = Σ_chunks dy [O, n·P] · colᵀ [n·P, CKK].
 */
import type { Conv2dGeometry } from '../backend.js';
import { col2imAdd, im2colPackB, im2colPackBT, packActivationsA, packActivationsB, unpackToNchw } from './im2col-pack.js';
import { packA, unpackC } from './pack.js';
import { type PackedGemm, panels } from './packed-gemm.js';

const CHUNK_FLOATS = 1 << 20;

function imagesPerChunk(g: Conv2dGeometry, rows: number): number {
  const perImage = rows * g.outHeight * g.outWidth;
  return Math.max(1, Math.min(g.batch, Math.floor(CHUNK_FLOATS / perImage)));
}

function dims(g: Conv2dGeometry): { P: number; CKK: number } {
  return { P: g.outHeight * g.outWidth, CKK: g.inChannels * g.kernelH * g.kernelW };
}

/** Forward convolution on `engine`. */
export function conv2dPacked(engine: PackedGemm, x: Float32Array, w: Float32Array, g: Conv2dGeometry): Float32Array {
  const { P, CKK } = dims(g);
  const O = g.outChannels;
  const y = new Float32Array(g.batch * O * P);
  const { mr, nr } = engine;
  const nbMax = imagesPerChunk(g, Math.max(CKK, O));
  const mP = panels(O, mr);
  const nPMax = panels(nbMax * P, nr);
  const buf = engine.buffers(mP * mr * CKK, nPMax * nr * CKK, mP * mr * nPMax * nr);
  packA(w, O, CKK, false, mr, buf.a);
  for (let n0 = 0; n0 < g.batch; n0 += nbMax) {
    const nb = Math.min(nbMax, g.batch - n0);
    const nP = panels(nb * P, nr);
    im2colPackB(x, g, n0, nb, nr, buf.b);
    engine.run(mP, nP, CKK, false);
    unpackToNchw(buf.c, nP * nr, O, P, n0, nb, y);
  }
  return y;
}

/** dL/dx on `engine`. */
export function conv2dBackpropInputPacked(engine: PackedGemm, dy: Float32Array, w: Float32Array, g: Conv2dGeometry): Float32Array {
  const { P, CKK } = dims(g);
  const O = g.outChannels;
  const dx = new Float32Array(g.batch * g.inChannels * g.inHeight * g.inWidth);
  const { mr, nr } = engine;
  const nbMax = imagesPerChunk(g, Math.max(CKK, O));
  const mP = panels(CKK, mr);
  const nPMax = panels(nbMax * P, nr);
  const buf = engine.buffers(mP * mr * O, nPMax * nr * O, mP * mr * nPMax * nr);
  packA(w, CKK, O, true, mr, buf.a);
  for (let n0 = 0; n0 < g.batch; n0 += nbMax) {
    const nb = Math.min(nbMax, g.batch - n0);
    const nP = panels(nb * P, nr);
    packActivationsB(dy, O, P, n0, nb, nr, buf.b);
    engine.run(mP, nP, O, false);
    col2imAdd(buf.c, nP * nr, g, n0, nb, dx);
  }
  return dx;
}

/** dL/dw on `engine`. */
export function conv2dBackpropFilterPacked(engine: PackedGemm, x: Float32Array, dy: Float32Array, g: Conv2dGeometry): Float32Array {
  const { P, CKK } = dims(g);
  const O = g.outChannels;
  const { mr, nr } = engine;
  const nbMax = imagesPerChunk(g, Math.max(CKK, O));
  const mP = panels(O, mr);
  const nP = panels(CKK, nr);
  const buf = engine.buffers(mP * mr * nbMax * P, nP * nr * nbMax * P, mP * mr * nP * nr);
  for (let n0 = 0; n0 < g.batch; n0 += nbMax) {
    const nb = Math.min(nbMax, g.batch - n0);
    packActivationsA(dy, O, P, n0, nb, mr, buf.a);
    im2colPackBT(x, g, n0, nb, nr, buf.b);
    engine.run(mP, nP, nb * P, n0 > 0);
  }
  const dw = new Float32Array(O * CKK);
  unpackC(buf.c, nP * nr, O, CKK, dw);
  return dw;
}
