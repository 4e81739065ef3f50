/**
 * Adam / AdamW / AMSGrad's update (adam.ts, lines (L0)–(L5)) as one fused loop: hyperparameters and
 * buffers read into locals once per tensor instead of through the per-element helpers
 * `adamMomentsAt` / `adamDirectionAt`. The arithmetic is the reference's, in the same order; the
 * moments are rounded to float32 before use, as the reference reads them back from its buffers.
 */
import type { Resolved } from '../optimizer.js';
import type { AdamOptions, AdamState } from './adam.js';

/** The same step as `adamUpdate` (s.t already advanced; s.vMax set up by the caller). */
export function adamUpdateFast(w: Float32Array, g: Float32Array, s: AdamState, h: Resolved<AdamOptions>): void {
  const c1 = 1 - h.beta1 ** s.t;
  const c2 = Math.sqrt(1 - h.beta2 ** s.t);
  const l2 = h.weightDecayMode === 'l2' ? h.weightDecay : 0;
  const keep = h.weightDecayMode === 'decoupled' ? 1 - h.lr * h.weightDecay : 1;
  const { m, v, vMax } = s;
  const b1 = h.beta1;
  const b2 = h.beta2;
  const a1 = 1 - b1;
  const a2 = 1 - b2;
  const eps = h.eps;
  const lr = h.lr;
  const n = w.length;
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    const d = g[i] + l2 * wi; // (L1)
    const mi = Math.fround(b1 * m[i] + a1 * d); // (L2)
    const vi = Math.fround(b2 * v[i] + a2 * d * d); // (L3)
    m[i] = mi;
    v[i] = vi;
    let vt = vi;
    if (vMax !== null) vt = vMax[i] = Math.max(vMax[i], vi); // (L4)
    w[i] = Math.fround(wi * keep) - lr * (mi / c1 / (Math.sqrt(vt) / c2 + eps)); // (L0), (L5)
  }
}
