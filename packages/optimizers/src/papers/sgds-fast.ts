/**
 * SGDS's update (sgds.ts, docs/papers/adams-sgds.md) as one loop with the hyperparameters in locals
 * instead of `sgdDirectionAt` on a copied options object per tensor. Same arithmetic in the same
 * order: the buffer value used for the step is the float64 one, before its float32 store, as in
 * `sgdDirectionAt`.
 */
import type { SgdState } from '../baselines/sgd.js';
import type { Resolved } from '../optimizer.js';
import { type SgdsOptions, sgdsDecayFactor } from './sgds.js';

/** The same step as `sgdsUpdate`. */
export function sgdsUpdateFast(w: Float32Array, g: Float32Array, s: SgdState, h: Resolved<SgdsOptions>): void {
  const keep = h.weightDecay !== 0 ? sgdsDecayFactor(h) : 1;
  const lr = h.lr;
  const mu = h.momentum;
  const damp = 1 - h.dampening;
  const nesterov = h.nesterov;
  const has = s.hasBuf;
  const buf = s.b;
  const n = w.length;
  for (let i = 0; i < n; i++) {
    const d = g[i];
    let r = d;
    if (mu !== 0) {
      const b = has ? mu * buf[i] + damp * d : d; // (L2)
      buf[i] = b;
      r = nesterov ? d + mu * b : b; // (L3)
    }
    w[i] = w[i] * keep - lr * r; // (L1), (L4)
  }
  if (mu !== 0) s.hasBuf = true;
}
