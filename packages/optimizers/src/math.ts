/**
 * Shared math of the paper files: dot products, norms and tangent projections in float64 over
 * Float32Array storage (docs/papers/baselines.md#conventions-shared-by-every-optimizer: accumulate in JS numbers, store in float32), and the unit
 * layout of ND-Adam (which elements form one hidden unit's weight vector).
 */
import { OptimizerError } from './errors.js';

/** ⟨a, b⟩ accumulated in float64. */
export function dot(a: Float32Array | Float64Array, b: Float32Array | Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** ‖a‖₂ accumulated in float64. */
export function norm(a: Float32Array | Float64Array): number {
  return Math.sqrt(dot(a, a));
}

/**
 * Projects `g` onto the tangent space of the sphere through `w`, writing `out`:
 * out = g − (⟨g, w⟩ / ‖w‖²)·w  (LAWN Eq. 3). With ‖w‖ = 1 this is g − ⟨g, w⟩·w (ND-Adam Eq. 9).
 * A zero `w` leaves `g` unchanged (the projection is undefined; docs/papers/nd-adam.md#deviations, docs/papers/lawn.md).
 * `out` may alias `g`.
 */
export function projectTangent(
  g: Float32Array | Float64Array,
  w: Float32Array | Float64Array,
  out: Float32Array | Float64Array,
): void {
  const ww = dot(w, w);
  const c = ww > 0 ? dot(g, w) / ww : 0;
  for (let i = 0; i < g.length; i++) out[i] = g[i] - c * w[i];
}

/**
 * Which elements of a tensor form each unit vector. Units are numbered in row-major order of the
 * axes *not* in `unitAxes`; `index[u·unitSize + j]` is the flat index of element j of unit u.
 */
export interface UnitLayout {
  readonly numUnits: number;
  readonly unitSize: number;
  readonly index: Int32Array;
}

/**
 * Builds the unit layout of a tensor of `shape` whose unit vectors span `unitAxes`
 * (e.g. `[1, 2, 3]` for a conv weight `[out, in, kh, kw]`: one vector per output channel).
 */
export function unitLayout(shape: readonly number[], unitAxes: readonly number[]): UnitLayout {
  const rank = shape.length;
  const inUnit = new Set(unitAxes);
  for (const a of inUnit) {
    if (!Number.isInteger(a) || a < 0 || a >= rank) {
      throw new OptimizerError(`unitLayout: axis ${a} out of range for a tensor of rank ${rank} (shape [${shape.join(', ')}])`);
    }
  }
  const strides: number[] = new Array(rank);
  let s = 1;
  for (let k = rank - 1; k >= 0; k--) {
    strides[k] = s;
    s *= shape[k];
  }
  const outer = [...Array(rank).keys()].filter((k) => !inUnit.has(k));
  const inner = [...Array(rank).keys()].filter((k) => inUnit.has(k));
  const numUnits = outer.reduce((p, k) => p * shape[k], 1);
  const unitSize = inner.reduce((p, k) => p * shape[k], 1);
  const index = new Int32Array(numUnits * unitSize);
  const offsets = (axes: number[], count: number): Int32Array => {
    const o = new Int32Array(count);
    for (let c = 0; c < count; c++) {
      let rem = c;
      let off = 0;
      for (let j = axes.length - 1; j >= 0; j--) {
        const k = axes[j];
        off += (rem % shape[k]) * strides[k];
        rem = Math.floor(rem / shape[k]);
      }
      o[c] = off;
    }
    return o;
  };
  const outerOff = offsets(outer, numUnits);
  const innerOff = offsets(inner, unitSize);
  for (let u = 0; u < numUnits; u++) {
    for (let j = 0; j < unitSize; j++) index[u * unitSize + j] = outerOff[u] + innerOff[j];
  }
  return { numUnits, unitSize, index };
}

/** Copies unit `u` of `src` (through `layout`) into the dense `out` (length unitSize). */
export function gatherUnit(src: Float32Array, layout: UnitLayout, u: number, out: Float64Array): void {
  const base = u * layout.unitSize;
  for (let j = 0; j < layout.unitSize; j++) out[j] = src[layout.index[base + j]];
}

/** Writes the dense `vals` back into unit `u` of `dst`. */
export function scatterUnit(vals: Float64Array, layout: UnitLayout, u: number, dst: Float32Array): void {
  const base = u * layout.unitSize;
  for (let j = 0; j < layout.unitSize; j++) dst[layout.index[base + j]] = vals[j];
}

/** ‖unit u‖ for every unit, in float64. */
export function unitNorms(w: Float32Array, layout: UnitLayout): Float64Array {
  const out = new Float64Array(layout.numUnits);
  for (let u = 0; u < layout.numUnits; u++) {
    let s = 0;
    const base = u * layout.unitSize;
    for (let j = 0; j < layout.unitSize; j++) {
      const x = w[layout.index[base + j]];
      s += x * x;
    }
    out[u] = Math.sqrt(s);
  }
  return out;
}

/**
 * Divides each unit of `w` by its norm in place. Units of norm 0 are left unchanged (never NaN);
 * returns how many there were.
 */
export function normalizeUnits(w: Float32Array, layout: UnitLayout): number {
  const norms = unitNorms(w, layout);
  let zero = 0;
  for (let u = 0; u < layout.numUnits; u++) {
    const n = norms[u];
    if (!(n > 0)) {
      zero++;
      continue;
    }
    const base = u * layout.unitSize;
    for (let j = 0; j < layout.unitSize; j++) {
      const i = layout.index[base + j];
      w[i] = w[i] / n;
    }
  }
  return zero;
}
