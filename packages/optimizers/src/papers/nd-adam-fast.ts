/**
 * ND-Adam's vector update (nd-adam.ts, docs/papers/nd-adam.md, lines (L1)–(L7)) straight on the
 * tensor when each unit's elements are contiguous (unit axes trailing, as for conv weights
 * [out, in, kh, kw] over [1, 2, 3] and linear weights [out, in] over [1]): no gather into and
 * scatter out of float64 scratch through the index table, hyperparameters in locals. Four short
 * passes per unit (⟨ḡ, w⟩; projection and moments; step; normalization) stay in cache, so memory is
 * streamed about once. Other layouts take the readable `ndAdamVectorUpdate`.
 *
 * The arithmetic is the reference's in the same order (float64 sums, w̄ in float64 scratch until it
 * is normalized, m and v read back as the float32 values stored) except for its two divisions per
 * element: α·m/(√v̂+ε) becomes m·(α/(√v̂+ε)) and w̄/‖w̄‖ becomes w̄·(1/‖w̄‖), one division per unit.
 * Each differs from the reference by at most two float64 roundings (~2e-16 relative), far below the
 * float32 rounding (6e-8) of the stored weights.
 */
import type { UnitLayout } from '../math.js';
import type { Resolved } from '../optimizer.js';
import { type NdAdamOptions, type NdAdamState, ndAdamVectorUpdate } from './nd-adam.js';

const contiguous = new WeakMap<UnitLayout, boolean>();

/** Whether unit u's element j is at u·unitSize + j for every unit (checked once per layout). */
export function isContiguousLayout(layout: UnitLayout): boolean {
  let c = contiguous.get(layout);
  if (c === undefined) {
    c = true;
    for (let k = 0; k < layout.index.length; k++) {
      if (layout.index[k] !== k) {
        c = false;
        break;
      }
    }
    contiguous.set(layout, c);
  }
  return c;
}

/** The same step as `ndAdamVectorUpdate`; returns the number of units whose w̄ had norm 0. */
export function ndAdamVectorUpdateFast(
  w: Float32Array,
  g: Float32Array,
  s: NdAdamState,
  h: Resolved<NdAdamOptions>,
  layout: UnitLayout,
  scratch: { w: Float64Array; g: Float64Array },
): number {
  if (!isContiguousLayout(layout) || scratch.w.length < layout.unitSize) return ndAdamVectorUpdate(w, g, s, h, layout, scratch);
  const size = layout.unitSize;
  const { m, v } = s;
  const sc = scratch.w;
  const b1 = h.beta1;
  const b2 = h.beta2;
  const a1 = 1 - b1;
  const a2 = 1 - b2;
  const c1 = 1 - b1 ** s.t;
  const c2 = 1 - b2 ** s.t;
  const paper = h.variant === 'paper';
  const step = paper ? h.lrVector / c1 : (h.lrVector * Math.sqrt(c2)) / c1;
  const eps = h.eps;
  let zero = 0;
  for (let u = 0; u < layout.numUnits; u++) {
    const base = u * size;
    const end = base + size;
    let gw = 0;
    for (let k = base; k < end; k++) gw += g[k] * w[k]; // (L1)
    let gg = 0;
    for (let k = base; k < end; k++) {
      const gp = g[k] - gw * w[k]; // (L2)
      m[k] = b1 * m[k] + a1 * gp; // (L3)
      gg += gp * gp;
    }
    v[u] = b2 * v[u] + a2 * gg; // (L4)
    const vu = v[u];
    const denom = paper ? Math.sqrt(vu / c2) + eps : Math.sqrt(vu) + eps; // (L5)
    const rate = step / denom;
    let nn = 0;
    for (let j = 0; j < size; j++) {
      const x = w[base + j] - rate * m[base + j]; // (L6)
      sc[j] = x;
      nn += x * x;
    }
    const n = Math.sqrt(nn);
    if (n > 0) {
      const inv = 1 / n;
      for (let j = 0; j < size; j++) w[base + j] = sc[j] * inv; // (L7)
    } else {
      zero++;
      for (let j = 0; j < size; j++) w[base + j] = sc[j];
    }
  }
  return zero;
}
