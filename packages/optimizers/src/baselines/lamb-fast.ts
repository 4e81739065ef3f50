/**
 * LAMB's update (lamb.ts, lines (L1)–(L4)) in two passes instead of four: the moments, the direction
 * with its decay term and both norms in one, the trust-ratio step in the other. Same arithmetic in the
 * same order (each norm is the same float64 sum from i = 0 up, the moments are read back as the
 * float32 values stored), hyperparameters in locals.
 */
import type { Resolved } from '../optimizer.js';
import { type LambOptions, type LambState, lambPhi, trustRatio } from './lamb.js';

/** The same step as `lambUpdate`; `u` is float64 scratch of the tensor's size. */
export function lambUpdateFast(w: Float32Array, g: Float32Array, s: LambState, h: Resolved<LambOptions>, u: Float64Array): void {
  const c1 = h.biasCorrection ? 1 - h.beta1 ** s.t : 1;
  const c2 = h.biasCorrection ? 1 - h.beta2 ** s.t : 1;
  const { m, v } = s;
  const b1 = h.beta1;
  const b2 = h.beta2;
  const a1 = 1 - b1;
  const a2 = 1 - b2;
  const eps = h.eps;
  const wd = h.weightDecay;
  const n = w.length;
  let ww = 0;
  let uu = 0;
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    const mi = Math.fround(b1 * m[i] + a1 * gi); // (L1)
    const vi = Math.fround(b2 * v[i] + a2 * gi * gi);
    m[i] = mi;
    v[i] = vi;
    const wi = w[i];
    const ui = mi / c1 / (Math.sqrt(vi / c2) + eps) + wd * wi; // (L2), (L3)
    u[i] = ui;
    ww += wi * wi;
    uu += ui * ui;
  }
  const rate = h.lr * trustRatio(lambPhi(h.phi, Math.sqrt(ww)), Math.sqrt(uu));
  for (let i = 0; i < n; i++) w[i] -= rate * u[i]; // (L4)
}
