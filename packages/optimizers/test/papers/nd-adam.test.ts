import { PROPERTY_RUNS, expectClose, valuesArb } from '@gapkit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Adam, NdAdam, Padam } from '../../src/index.js';
import { cloneParams, param, setGrads, trajectory, wave } from '../helpers.js';

/** Rows of a row-major [rows, cols] array, as float64 arrays. */
function rows(x: ArrayLike<number>, cols: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < x.length / cols; r++) out.push(Array.from({ length: cols }, (_, j) => x[r * cols + j]));
  return out;
}
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
const nrm = (a: number[]) => Math.sqrt(dot(a, a));

/** A [out, in] weight whose rows are ND-Adam unit vectors. */
function vec(name: string, values: ArrayLike<number>, out: number, inn: number) {
  return param(name, values, [out, inn], { unitAxes: [1] });
}

describe('ND-Adam (docs/papers/nd-adam.md)', () => {
  it('N1: every unit has norm 1 after construction and after every step (both variants, strided axes too)', () => {
    fc.assert(
      fc.property(valuesArb(12, { min: -2, max: 2, avoid: [0], margin: 0.05 }), fc.constantFrom('paper', 'code'), fc.boolean(), (w0, variant, strided) => {
        // strided: a [in=4, out=3] matrix whose columns (axis 0) are the units
        const w = strided ? param('w', w0, [4, 3], { unitAxes: [0] }) : vec('w', w0, 3, 4);
        const opt = new NdAdam([w], { variant, normalizeAtInit: true, lrVector: 0.3 });
        const check = () => {
          for (let u = 0; u < 3; u++) {
            const unit = strided ? [0, 1, 2, 3].map((r) => w.data[r * 3 + u]) : Array.from(w.data.subarray(u * 4, u * 4 + 4));
            expect(Math.abs(nrm(unit) - 1)).toBeLessThan(1e-6);
          }
        };
        check();
        for (let k = 0; k < 5; k++) {
          setGrads([w], [wave(k, 0, 12, 3)]);
          opt.step();
          check();
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('N2 + N4: with β₁ = 0 the moment is the projected gradient (⊥ w) and w̄ − w is a negative multiple of it', () => {
    const w = vec('w', [0.6, 0.8, 0, 0, 0, 1], 2, 3);
    const opt = new NdAdam([w], { beta1: 0, lrVector: 0.1 });
    for (let k = 0; k < 4; k++) {
      const before = rows(w.data, 3);
      const g = wave(k, 0, 6, 2);
      setGrads([w], [g]);
      opt.step();
      const m = rows(opt.stateOf('w')!.m, 3);
      const after = rows(w.data, 3);
      rows(g, 3).forEach((gu, u) => {
        expect(Math.abs(dot(m[u], before[u]))).toBeLessThanOrEqual(1e-6 * nrm(gu)); // N2
        // N4: the component of w_t orthogonal to w_{t−1} is anti-parallel to the projected gradient
        const c = dot(after[u], before[u]);
        const perp = after[u].map((x, j) => x - c * before[u][j]);
        expectClose([dot(perp, m[u]) / (nrm(perp) * nrm(m[u]))], [-1], { rtol: 1e-6 });
      });
    }
  });

  for (const variant of ['paper', 'code'] as const) {
    it(`N3 (${variant}): first step ⟨w₁, w₀⟩ = 1/√(1 + a²) and w₁ ∈ span(w₀, g⊥)`, () => {
      const w0 = [0.48, -0.6, 0.64]; // unit norm
      const w = vec('w', w0, 1, 3);
      const eps = 1e-3; // large enough to tell the two ε forms apart
      const opt = new NdAdam([w], { variant, eps, lrVector: 0.2, beta2: 0.99 });
      const g = [0.3, 0.1, -0.4];
      const gw = dot(g, w0);
      const gp = g.map((x, j) => x - gw * w0[j]);
      const n = nrm(gp);
      const a = (0.2 * n) / (n + (variant === 'paper' ? eps : eps / Math.sqrt(1 - 0.99)));
      setGrads([w], [g]);
      opt.step();
      const w1 = Array.from(w.data);
      expectClose([dot(w1, w0)], [1 / Math.sqrt(1 + a * a)], { rtol: 1e-6 });
      const resid = w1.map((x, j) => x - dot(w1, w0) * w0[j] - (dot(w1, gp) / (n * n)) * gp[j]);
      expect(nrm(resid)).toBeLessThan(1e-6);
    });
  }

  it('N5: adding λ·w to a unit’s gradient does not change its trajectory', () => {
    const ps = [vec('w', [0.6, 0.8, 0, 1, 0, 0], 2, 3)];
    const qs = cloneParams(ps);
    const o1 = new NdAdam(ps, { lrVector: 0.1 });
    const o2 = new NdAdam(qs, { lrVector: 0.1 });
    for (let k = 0; k < 10; k++) {
      const g = wave(k, 0, 6);
      setGrads(ps, [g]);
      setGrads(qs, [g.map((x, j) => x + 0.7 * qs[0].data[j])]);
      o1.step();
      o2.step();
      expectClose(qs[0].data, ps[0].data, { rtol: 1e-5, atol: 1e-6 });
    }
  });

  it('N6: with ε = 0, scaling a unit’s gradients by c > 0 leaves its trajectory unchanged', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), (c) => {
        const ps = [vec('w', [0.6, 0.8, 0, 0, 0, 1], 2, 3)];
        const qs = cloneParams(ps);
        const t1 = trajectory(new NdAdam(ps, { eps: 0, lrVector: 0.1 }), ps, 6, (k) => wave(k, 0, 6));
        const t2 = trajectory(new NdAdam(qs, { eps: 0, lrVector: 0.1 }), qs, 6, (k) => wave(k, 0, 6, c));
        t1.forEach((x, k) => {
          expectClose(t2[k][0], x[0], { rtol: 1e-5, atol: 1e-6 });
        });
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it("N7: without vector tensors ND-Adam 'paper' ≡ Adam and 'code' ≡ ε-hat Adam (Padam p = ½, no max)", () => {
    const ps = [param('b', [0.1, -0.2, 0.3]), param('s', [1])];
    const adamPs = cloneParams(ps);
    const hatPs = cloneParams(ps);
    const codePs = cloneParams(ps);
    const grad = (k: number, i: number) => wave(k, i, i === 0 ? 3 : 1);
    const nd = trajectory(new NdAdam(ps, { lr: 0.01, weightDecay: 0.01 }), ps, 12, grad);
    const adam = trajectory(new Adam(adamPs, { lr: 0.01, weightDecay: 0.01 }), adamPs, 12, grad);
    const code = trajectory(new NdAdam(codePs, { lr: 0.01, variant: 'code', weightDecay: 0.01 }), codePs, 12, grad);
    // the 'code' variant's defaults are the PyTorch run's: β₂ = 0.99
    const hat = trajectory(new Padam(hatPs, { lr: 0.01, p: 0.5, beta2: 0.99, amsgrad: false, weightDecay: 0.01 }), hatPs, 12, grad);
    nd.forEach((x, k) => {
      x.forEach((a, i) => {
        expectClose(a, adam[k][i], { rtol: 1e-6, atol: 1e-7 });
      });
    });
    code.forEach((x, k) => {
      x.forEach((a, i) => {
        expectClose(a, hat[k][i], { rtol: 1e-6, atol: 1e-7 });
      });
    });
  });

  it('N8: one second-moment scalar per unit, v_t = Σ (1−β₂)β₂^{t−k}‖g⊥_k‖²', () => {
    const w = vec('w', [0.6, 0.8, 0, 0, 0.28, 0.96], 2, 3);
    const b2 = 0.9;
    const opt = new NdAdam([w], { beta2: b2, lrVector: 0.05 });
    const want = [0, 0];
    for (let k = 0; k < 8; k++) {
      const before = rows(w.data, 3);
      const g = wave(k, 0, 6);
      rows(g, 3).forEach((gu, u) => {
        const c = dot(gu, before[u]);
        want[u] = b2 * want[u] + (1 - b2) * nrm(gu.map((x, j) => x - c * before[u][j])) ** 2;
      });
      setGrads([w], [g]);
      opt.step();
      expect(opt.stateOf('w')!.v.length).toBe(2);
      expectClose(opt.stateOf('w')!.v, want, { rtol: 1e-5 });
    }
  });

  it('N9: with β₁ = 0 the angular step is exact: ‖w_t − w_{t−1}‖ = 2·sin(½·atan(a_t)), a_t = α^v‖m̂‖/(√v̂ + ε)', () => {
    const w = vec('w', [0.6, 0.8, 0], 1, 3);
    const b2 = 0.99;
    const opt = new NdAdam([w], { beta1: 0, beta2: b2, lrVector: 0.3 });
    for (let t = 1; t <= 6; t++) {
      const before = Array.from(w.data);
      setGrads([w], [wave(t, 0, 3)]);
      opt.step();
      const s = opt.stateOf('w')!;
      const a = (0.3 * nrm(Array.from(s.m))) / (Math.sqrt(s.v[0] / (1 - b2 ** t)) + 1e-8);
      const moved = nrm(Array.from(w.data, (x, j) => x - before[j]));
      expectClose([moved], [2 * Math.sin(0.5 * Math.atan(a))], { rtol: 1e-5 });
    }
  });

  it('a unit of norm 0 is left unnormalized (never NaN) and reported', () => {
    const w = vec('w', [0, 0, 0, 1, 2, 2], 2, 3);
    const opt = new NdAdam([w]).trackDiagnostics();
    expectClose(w.data.subarray(3), [1 / 3, 2 / 3, 2 / 3], { rtol: 1e-6 });
    setGrads([w], [[0, 0, 0, 0.1, 0, 0]]);
    opt.step();
    expect(Array.from(w.data.subarray(0, 3))).toEqual([0, 0, 0]);
    const d = opt.diagnostics()!;
    expect(d.extra.zeroNormUnits).toBe(1);
    expect(d.extra.worstUnitNormError as number).toBeLessThan(1e-6);
  });

  it("'code' does not normalize at build time unless asked; describe() names the rule of each tensor", () => {
    const w = vec('w', [3, 4], 1, 2);
    const b = param('b', [1], [1], { role: 'bias' });
    const opt = new NdAdam([w, b], { variant: 'code' });
    expect(Array.from(w.data)).toEqual([3, 4]);
    const rules = opt.describe().groups[0].params.map((p) => p.rule);
    expect(rules[0]).toMatch(/vector: 1 unit\(s\) over axes \[1\]/);
    expect(rules[1]).toMatch(/scalar/);
  });

  it('bad input names the symbol', () => {
    expect(() => new NdAdam([param('w', [1])], { lrVector: -1 })).toThrow(/ND-Adam: lrVector \(α\^v\) must be in \[0, ∞\), got -1/);
    expect(() => new NdAdam([param('w', [1])], { beta2: 1 })).toThrow(/beta2 \(β₂\)/);
  });
});
