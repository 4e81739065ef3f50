/**
 * LAWN's constrained step (lawn.ts, docs/papers/lawn.md, lines (L3)–(L7)) in three passes over the
 * tensor instead of seven, for the three bases (Adam, LAMB, SGD-momentum): ⟨w, w⟩ and ⟨g, w⟩ together;
 * then the projected gradient, the base's moments and direction, and ⟨r, w⟩ for the second
 * projection; then the step with ‖w̄‖ (LAMB needs ‖r‖ for its trust ratio first: one pass more); then
 * the rescaling to ‖w‖ = c. The projected gradient is never stored.
 *
 * Same arithmetic in the same order as `lawnConstrainedUpdate` and the bases of lawn-bases.ts: every
 * dot product and norm is the same float64 sum from i = 0 up, the direction and w̄ stay float64, the
 * moments are read back as the float32 values stored (SGD's buffer value is used before its store, as
 * in `sgdDirectionAt`). Any other base takes the readable `lawnConstrainedUpdate`.
 */
import type { AdamState } from '../baselines/adam.js';
import type { LambState } from '../baselines/lamb.js';
import { trustRatio } from '../baselines/lamb.js';
import type { SgdState } from '../baselines/sgd.js';
import type { Resolved } from '../optimizer.js';
import { type LawnOptions, lawnConstrainedUpdate } from './lawn.js';
import type { LawnBaseRule, LawnState } from './lawn-bases.js';

/** (L4) for Adam: moments with the projected gradient g − cg·w, direction into r; returns ⟨r, w⟩. */
function adamDirection(w: Float32Array, g: Float32Array, cg: number, s: AdamState, h: Resolved<LawnOptions>, r: Float64Array): number {
  const c1 = 1 - h.beta1 ** s.t;
  const c2 = Math.sqrt(1 - h.beta2 ** s.t);
  const { m, v } = s;
  const b1 = h.beta1;
  const b2 = h.beta2;
  const a1 = 1 - b1;
  const a2 = 1 - b2;
  const eps = h.eps;
  let rw = 0;
  for (let i = 0; i < w.length; i++) {
    const wi = w[i];
    const gp = g[i] - cg * wi; // (L3)
    const mi = Math.fround(b1 * m[i] + a1 * gp);
    const vi = Math.fround(b2 * v[i] + a2 * gp * gp);
    m[i] = mi;
    v[i] = vi;
    const ri = mi / c1 / (Math.sqrt(vi) / c2 + eps);
    r[i] = ri;
    rw += ri * wi;
  }
  return rw;
}

/** (L4) for LAMB (φ = identity, no decay): moments and direction m̂/(√v̂ + ε); returns ⟨r, w⟩. */
function lambDirection(w: Float32Array, g: Float32Array, cg: number, s: LambState, h: Resolved<LawnOptions>, r: Float64Array): number {
  const c1 = h.biasCorrection ? 1 - h.beta1 ** s.t : 1;
  const c2 = h.biasCorrection ? 1 - h.beta2 ** s.t : 1;
  const { m, v } = s;
  const b1 = h.beta1;
  const b2 = h.beta2;
  const a1 = 1 - b1;
  const a2 = 1 - b2;
  const eps = h.eps;
  let rw = 0;
  for (let i = 0; i < w.length; i++) {
    const wi = w[i];
    const gp = g[i] - cg * wi; // (L3)
    const mi = Math.fround(b1 * m[i] + a1 * gp);
    const vi = Math.fround(b2 * v[i] + a2 * gp * gp);
    m[i] = mi;
    v[i] = vi;
    const ri = mi / c1 / (Math.sqrt(vi / c2) + eps);
    r[i] = ri;
    rw += ri * wi;
  }
  return rw;
}

/** (L4) for SGD-momentum (no dampening, no decay): the buffer fed the projected gradient; returns ⟨r, w⟩. */
function sgdDirection(w: Float32Array, g: Float32Array, cg: number, s: SgdState, h: Resolved<LawnOptions>, r: Float64Array): number {
  const mu = h.momentum;
  const nesterov = h.nesterov;
  const has = s.hasBuf;
  const buf = s.b;
  let rw = 0;
  for (let i = 0; i < w.length; i++) {
    const wi = w[i];
    const gp = g[i] - cg * wi; // (L3)
    let ri = gp;
    if (mu !== 0) {
      const b = has ? mu * buf[i] + gp : gp;
      buf[i] = b;
      ri = nesterov ? gp + mu * b : b;
    }
    r[i] = ri;
    rw += ri * wi;
  }
  if (mu !== 0) s.hasBuf = true;
  return rw;
}

/** The same step as `lawnConstrainedUpdate` (returns the norm of w̄ before rescaling). */
export function lawnConstrainedUpdateFast(
  rule: LawnBaseRule<LawnState>,
  w: Float32Array,
  g: Float32Array,
  s: LawnState,
  h: Resolved<LawnOptions>,
  c: number,
  gp: Float64Array,
  r: Float64Array,
): number {
  const base = rule.base;
  if (base !== 'adam' && base !== 'lamb' && base !== 'sgd') return lawnConstrainedUpdate(rule, w, g, s, h, c, gp, r);
  const n = w.length;
  let ww = 0;
  let gw = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    ww += wi * wi;
    gw += g[i] * wi;
  }
  const cg = ww > 0 ? gw / ww : 0; // (L3)
  const rw =
    base === 'adam' ? adamDirection(w, g, cg, s as AdamState, h, r) : base === 'lamb' ? lambDirection(w, g, cg, s as LambState, h, r) : sgdDirection(w, g, cg, s as SgdState, h, r); // (L4)
  const cr = ww > 0 ? rw / ww : 0; // (L5)
  let scale = h.lr;
  if (base === 'lamb') {
    let rr = 0;
    for (let i = 0; i < n; i++) {
      const ri = r[i] - cr * w[i];
      r[i] = ri;
      rr += ri * ri;
    }
    scale = h.lr * trustRatio(Math.sqrt(ww), Math.sqrt(rr)); // (L6)
  }
  const crUse = base === 'lamb' ? 0 : cr; // LAMB's r is already projected
  let nn = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    const x = wi - scale * (r[i] - crUse * wi); // (L5), (L6)
    r[i] = x;
    nn += x * x;
  }
  const norm = Math.sqrt(nn);
  const k = norm > 0 ? c / norm : 1;
  for (let i = 0; i < n; i++) w[i] = r[i] * k; // (L7)
  return norm;
}
