/**
 * Stride-1 convolutions without im2col, on the wasm engine. The input is copied once into zero-padded
 * planes (one per channel, images side by side on a padded Hp×Wp grid); then
 * - forward: y = Σ_shifts W_s · (planes shifted by the tap offset), one `conv` export call per image
 *   chunk (all KH·KW taps and all channels accumulate in registers);
 * - input gradient: the same with dy as the input, padding KH−1−ph and the filter flipped and
 *   transposed (a stride-1 transposed convolution is a convolution);
 * - filter gradient: one GEMM per tap, dW_s [O, C] = dy_grid [O, G] · x_grid(shifted by s)ᵀ, where
 *   both operands are packed once per chunk on the padded grid, so a tap is a pointer offset.
 * Grid positions outside the valid output are computed and dropped (Hp·Wp / (OH·OW) extra work: 1.13×
 * at 32×32, 1.27× at 16×16), which costs far less than the 9× copies of im2col. The filter gradient's
 * grid sum also multiplies pixels outside a tap's window by zero dy; when that meets a non-finite
 * pixel (the result has a non-finite entry), the gradient is recomputed over valid positions only
 * (`exactTapGemm`), so a NaN reaches exactly the entries whose window covers it.
 */
import type { Conv2dGeometry } from '@gapkit/autodiff';
import { exactTapGemm, type ImplicitDims } from '../threaded/ranges.js';
import type { SimdGemm } from './simd-gemm.js';

const CHUNK_FLOATS = 1 << 20;

/** Padded-grid overhead above which forward and input-gradient convs stay on im2col (measured: at
 * 8×8 maps, 1.56×, the implicit forward was 11.6 ms vs 10.3 ms; at 16×16, 1.27×, 15.6 vs 19.4). */
const MAX_GRID_OVERHEAD = 1.4;

/** True when the implicit path handles `g` (stride 1, padding below the kernel size, not 1×1). */
export function implicitConvApplies(g: Conv2dGeometry): boolean {
  return g.strideH === 1 && g.strideW === 1 && g.padH < g.kernelH && g.padW < g.kernelW && g.kernelH * g.kernelW > 1;
}

/** True when the implicit forward / input-gradient pays for its padded-grid overhead on `g`. */
export function implicitConvPays(g: Conv2dGeometry): boolean {
  const grid = (g.inHeight + 2 * g.padH) * (g.inWidth + 2 * g.padW);
  return implicitConvApplies(g) && grid <= MAX_GRID_OVERHEAD * g.outHeight * g.outWidth;
}

interface Plan {
  readonly Hp: number;
  readonly Wp: number;
  readonly Gi: number;
  readonly maxShift: number;
  readonly nb: number;
}

function plan(h: number, w: number, padH: number, padW: number, kh: number, kw: number, batch: number, channels: number): Plan {
  const Hp = h + 2 * padH;
  const Wp = w + 2 * padW;
  const Gi = Hp * Wp;
  const nb = Math.max(1, Math.min(batch, Math.floor(CHUNK_FLOATS / (channels * Gi))));
  return { Hp, Wp, Gi, maxShift: (kh - 1) * Wp + (kw - 1), nb };
}

/**
 * out[n, o, Y, X] = Σ_{c,ky,kx} weight(o, c, ky, kx)·in[n, c, Y+ky−padH, X+kx−padW] for a stride-1
 * convolution of `inp` [batch, cin, h, w] to `cout` channels; `weight` is read once, while packing.
 */
function implicitConv(
  e: SimdGemm, inp: Float32Array, batch: number, cin: number, h: number, w: number, padH: number, padW: number,
  kh: number, kw: number, cout: number, weight: (o: number, c: number, ky: number, kx: number) => number,
): Float32Array {
  const { mr, nr } = e;
  const p = plan(h, w, padH, padW, kh, kw, batch, Math.max(cin, cout));
  const ho = p.Hp - kh + 1;
  const wo = p.Wp - kw + 1;
  const S = kh * kw;
  const mP = Math.ceil(cout / mr);
  const nPMax = Math.ceil((p.nb * p.Gi) / nr);
  const L = Math.ceil((nPMax * nr + p.maxShift) / 4) * 4;
  const [aPtr, offPtr, bPtr, cPtr] = e.scratch([mP * mr * S * cin, S, cin * L, mP * mr * nPMax * nr]);
  let f32 = e.f32();
  const a = f32.subarray(aPtr >> 2, (aPtr >> 2) + mP * mr * S * cin);
  a.fill(0);
  for (let o = 0; o < cout; o++) {
    const ip = (o / mr) | 0;
    const r = o - ip * mr;
    for (let s = 0; s < S; s++) {
      const ky = (s / kw) | 0;
      const kx = s - ky * kw;
      for (let c = 0; c < cin; c++) a[((ip * S + s) * cin + c) * mr + r] = weight(o, c, ky, kx);
    }
  }
  const off = new Int32Array(f32.buffer, offPtr, S);
  for (let s = 0; s < S; s++) off[s] = (((s / kw) | 0) * p.Wp + (s % kw)) * 4;
  const out = new Float32Array(batch * cout * ho * wo);
  const planes = f32.subarray(bPtr >> 2, (bPtr >> 2) + cin * L);
  for (let n0 = 0; n0 < batch; n0 += p.nb) {
    const nb = Math.min(p.nb, batch - n0);
    const nP = Math.ceil((nb * p.Gi) / nr);
    planes.fill(0);
    for (let c = 0; c < cin; c++) {
      for (let n = 0; n < nb; n++) {
        const src = ((n0 + n) * cin + c) * h * w;
        const dst = c * L + n * p.Gi + padH * p.Wp + padW;
        for (let y = 0; y < h; y++) planes.set(inp.subarray(src + y * w, src + y * w + w), dst + y * p.Wp);
      }
    }
    e.conv(aPtr, bPtr, cPtr, mP, 0, nP, cin, L * 4, offPtr, S, nP * nr, 0);
    f32 = e.f32();
    const cv = f32.subarray(cPtr >> 2);
    const ldc = nP * nr;
    for (let o = 0; o < cout; o++) {
      for (let n = 0; n < nb; n++) {
        const dst = ((n0 + n) * cout + o) * ho * wo;
        const src = o * ldc + n * p.Gi;
        for (let y = 0; y < ho; y++) out.set(cv.subarray(src + y * p.Wp, src + y * p.Wp + wo), dst + y * wo);
      }
    }
  }
  return out;
}

/** Forward convolution (stride 1). */
export function implicitConv2d(e: SimdGemm, x: Float32Array, w: Float32Array, g: Conv2dGeometry): Float32Array {
  const { inChannels: C, kernelH: KH, kernelW: KW } = g;
  return implicitConv(e, x, g.batch, C, g.inHeight, g.inWidth, g.padH, g.padW, KH, KW, g.outChannels, (o, c, ky, kx) => w[((o * C + c) * KH + ky) * KW + kx]);
}

/** dL/dx (stride 1): a convolution of dy with the flipped, transposed filter. */
export function implicitConv2dBackpropInput(e: SimdGemm, dy: Float32Array, w: Float32Array, g: Conv2dGeometry): Float32Array {
  const { inChannels: C, kernelH: KH, kernelW: KW, outChannels: O } = g;
  return implicitConv(e, dy, g.batch, O, g.outHeight, g.outWidth, KH - 1 - g.padH, KW - 1 - g.padW, KH, KW, C, (c, o, ky, kx) =>
    w[((o * C + c) * KH + (KH - 1 - ky)) * KW + (KW - 1 - kx)],
  );
}

/** dL/dw (stride 1): one GEMM per filter tap over the padded grid. */
export function implicitConv2dBackpropFilter(e: SimdGemm, x: Float32Array, dy: Float32Array, g: Conv2dGeometry): Float32Array {
  const { mr, nr } = e;
  const { inChannels: C, inHeight: H, inWidth: W, outChannels: O, kernelH: KH, kernelW: KW, outHeight: OH, outWidth: OW } = g;
  const p = plan(H, W, g.padH, g.padW, KH, KW, g.batch, Math.max(C, O));
  const S = KH * KW;
  const mP = Math.ceil(O / mr);
  const nPc = Math.ceil(C / nr);
  const Kb = p.nb * p.Gi + p.maxShift;
  const cLen = mP * mr * nPc * nr;
  const [aPtr, bPtr, cPtr] = e.scratch([mP * mr * Kb, nPc * nr * Kb, S * cLen]);
  const d: ImplicitDims = { cin: C, h: H, w: W, padH: g.padH, padW: g.padW, kw: KW, cout: O, Wp: p.Wp, Gi: p.Gi, ho: OH, wo: OW, S, L: Kb };
  accumulateTaps(e, x, dy, g, p, d, aPtr, bPtr, cPtr, cLen, false);
  let f32 = e.f32();
  let finite = true;
  for (let i = cPtr >> 2; i < (cPtr >> 2) + S * cLen && finite; i++) finite = Number.isFinite(f32[i]);
  if (!finite) accumulateTaps(e, x, dy, g, p, d, aPtr, bPtr, cPtr, cLen, true);
  f32 = e.f32();
  const dw = new Float32Array(O * C * S);
  const ldc = nPc * nr;
  for (let s = 0; s < S; s++) {
    const cs = (cPtr >> 2) + s * cLen;
    for (let o = 0; o < O; o++) for (let c = 0; c < C; c++) dw[(o * C + c) * S + s] = f32[cs + o * ldc + c];
  }
  return dw;
}

/** Per-tap accumulators at `cPtr` = Σ over the batch (padded-grid GEMMs, or `exact` per-row ones). */
function accumulateTaps(
  e: SimdGemm, x: Float32Array, dy: Float32Array, g: Conv2dGeometry, p: Plan, d: ImplicitDims,
  aPtr: number, bPtr: number, cPtr: number, cLen: number, exact: boolean,
): void {
  const { mr, nr, kc: KC } = e;
  const { inChannels: C, inHeight: H, inWidth: W, outChannels: O, kernelW: KW, outHeight: OH, outWidth: OW } = g;
  const S = d.S;
  const Kb = d.L;
  const mP = Math.ceil(O / mr);
  const nPc = Math.ceil(C / nr);
  const f32 = e.f32();
  const a = f32.subarray(aPtr >> 2, (aPtr >> 2) + mP * mr * Kb);
  const b = f32.subarray(bPtr >> 2, (bPtr >> 2) + nPc * nr * Kb);
  if (exact) f32.fill(0, cPtr >> 2, (cPtr >> 2) + S * cLen);
  for (let n0 = 0; n0 < g.batch; n0 += p.nb) {
    const nb = Math.min(p.nb, g.batch - n0);
    const G = nb * p.Gi;
    a.fill(0);
    b.fill(0);
    // A [o-panels][grid][mr]: dy at the top-left of each image's padded grid.
    for (let o = 0; o < O; o++) {
      const base = ((o / mr) | 0) * Kb * mr + (o % mr);
      for (let n = 0; n < nb; n++) {
        for (let y = 0; y < OH; y++) {
          const src = (((n0 + n) * O + o) * OH + y) * OW;
          let d = base + (n * p.Gi + y * p.Wp) * mr;
          for (let xx = 0; xx < OW; xx++, d += mr) a[d] = dy[src + xx];
        }
      }
    }
    // B [c-panels][grid][nr]: x placed at (padH, padW) of each padded grid.
    for (let c = 0; c < C; c++) {
      const base = ((c / nr) | 0) * Kb * nr + (c % nr);
      for (let n = 0; n < nb; n++) {
        for (let y = 0; y < H; y++) {
          const src = (((n0 + n) * C + c) * H + y) * W;
          let d = base + (n * p.Gi + (y + g.padH) * p.Wp + g.padW) * nr;
          for (let xx = 0; xx < W; xx++, d += nr) b[d] = x[src + xx];
        }
      }
    }
    for (let s = 0; s < S; s++) {
      if (exact) {
        exactTapGemm(e.block, d, s, nb, mr, nr, aPtr, bPtr, cPtr + s * cLen * 4, mP, nPc, Kb);
        continue;
      }
      const shift = ((s / KW) | 0) * p.Wp + (s % KW);
      for (let k0 = 0; k0 < G; k0 += KC) {
        const kc = Math.min(KC, G - k0);
        e.block(aPtr + k0 * mr * 4, bPtr + (shift + k0) * nr * 4, cPtr + s * cLen * 4, mP, 0, nPc, Kb, kc, nPc * nr, n0 > 0 || k0 > 0 ? 1 : 0);
      }
    }
  }
}
