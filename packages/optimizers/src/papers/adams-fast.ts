/**
 * AdamS's two passes (adams.ts, docs/papers/adams-sgds.md, lines (L1)–(L5)) with the hyperparameters
 * and buffers in locals. The algorithm needs v̄ over the whole model before any weight moves, so the
 * read-only first pass stays; each pass is the reference's arithmetic in the same order (the moments
 * rounded to float32 before use, as the reference reads them back from its buffers).
 */
import type { Resolved } from '../optimizer.js';
import type { AdamSOptions, AdamSState } from './adams.js';

/** The same sum as `adamSSecondMomentSum`: Σ v̂_t the step is about to store, nothing written. */
export function adamSSecondMomentSumFast(g: Float32Array, s: AdamSState, vMax: Float32Array | null, h: Resolved<AdamSOptions>): number {
  const c2 = 1 - h.beta2 ** s.t;
  const b2 = h.beta2;
  const a2 = 1 - b2;
  const v = s.v;
  const n = g.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    let vi = Math.fround(b2 * v[i] + a2 * gi * gi); // (L2), as stored
    if (vMax !== null) vi = Math.max(vMax[i], vi);
    sum += vi / c2; // (L3)
  }
  return sum;
}

/** The same step as `adamSUpdate`, given √v̄. */
export function adamSUpdateFast(w: Float32Array, g: Float32Array, s: AdamSState, h: Resolved<AdamSOptions>, sqrtVBar: number): void {
  const c1 = 1 - h.beta1 ** s.t;
  const c2 = 1 - h.beta2 ** s.t;
  const keep = h.weightDecay !== 0 ? 1 - (h.lr * h.weightDecay) / sqrtVBar : 1;
  const { m, v, vMax } = s;
  const b1 = h.beta1;
  const b2 = h.beta2;
  const a1 = 1 - b1;
  const a2 = 1 - b2;
  const lr = h.lr;
  const eps = h.eps;
  const n = w.length;
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    const mi = Math.fround(b1 * m[i] + a1 * gi); // (L1)
    const vi = Math.fround(b2 * v[i] + a2 * gi * gi); // (L2)
    m[i] = mi;
    v[i] = vi;
    let vt = vi;
    if (vMax !== null) vt = vMax[i] = Math.max(vMax[i], vi);
    w[i] = w[i] * keep - (lr * (mi / c1)) / (Math.sqrt(vt / c2) + eps); // (L5)
  }
}
