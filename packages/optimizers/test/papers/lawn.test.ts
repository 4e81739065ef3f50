import { expectClose } from '@gapkit/testing';
import { describe, expect, it } from 'vitest';
import { Adam, Lamb, Lawn, norm, Sgd } from '../../src/index.js';
import { cloneParams, param, setGrads, trajectory, wave } from '../helpers.js';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, x, i) => s + x * b[i], 0);

function model() {
  return [param('fc.weight', [0.3, -0.4, 0.5, 0.1, -0.2, 0.6], [2, 3]), param('fc.bias', [0.1, -0.1], [2], { role: 'bias' })];
}
const grad = (k: number, i: number) => wave(k, i, i === 0 ? 6 : 2);

describe('LAWN (docs/papers/lawn.md)', () => {
  for (const [base, make] of [
    ['adam', (ps: ReturnType<typeof model>) => new Adam(ps, { lr: 0.01, eps: 1e-6 })],
    ['lamb', (ps: ReturnType<typeof model>) => new Lamb(ps, { lr: 0.01, weightDecay: 0 })],
    ['sgd', (ps: ReturnType<typeof model>) => new Sgd(ps, { lr: 0.01, momentum: 0.9 })],
  ] as const) {
    it(`L1 (${base}): never switching is bit-identical to the base optimizer with λ = 0`, () => {
      const ps = model();
      const qs = cloneParams(ps);
      const t1 = trajectory(new Lawn(ps, { base, lr: 0.01, freeSteps: 100 }), ps, 12, grad);
      const t2 = trajectory(make(qs), qs, 12, grad);
      t1.forEach((x, k) => {
        x.forEach((a, i) => {
          expect(Array.from(a)).toEqual(Array.from(t2[k][i]));
        });
      });
    });
  }

  for (const base of ['adam', 'lamb', 'sgd'] as const) {
    it(`L2 + L3 + L7 (${base}): c = ‖w‖ at the switch, kept after every step; unconstrained tensors follow the base`, () => {
      const ps = model();
      const bias = cloneParams([ps[1]]);
      const opt = new Lawn(ps, { base, lr: 0.05, freeSteps: 4 }).trackDiagnostics();
      const ref = base === 'adam' ? new Adam(bias, { lr: 0.05, eps: 1e-6 }) : base === 'lamb' ? new Lamb(bias, { lr: 0.05, weightDecay: 0 }) : new Sgd(bias, { lr: 0.05, momentum: 0.9 });
      let c = 0;
      for (let k = 0; k < 12; k++) {
        if (k === 4) c = norm(ps[0].data);
        setGrads(ps, [grad(k, 0), grad(k, 1)]);
        setGrads(bias, [grad(k, 1)]);
        opt.step();
        ref.step();
        expect(opt.phase).toBe(k < 4 ? 'free' : 'constrained');
        expect(Array.from(ps[1].data)).toEqual(Array.from(bias[0].data)); // L7
        if (k >= 4) {
          expect(opt.targetNorms().get('fc.weight')).toBe(c); // L2
          expect(Math.abs(norm(ps[0].data) - c)).toBeLessThanOrEqual(1e-6 * c); // L3
          expect(opt.diagnostics()!.extra.phase).toBe('constrained');
        }
      }
      expect(opt.targetNorms().has('fc.bias')).toBe(false);
    });
  }

  it('L4: the moments are fed the projected gradient (β₁ = 0 ⇒ m = g_p ⊥ w)', () => {
    const ps = model();
    const opt = new Lawn(ps, { base: 'adam', beta1: 0, freeSteps: 0, lr: 0.05 });
    for (let k = 0; k < 5; k++) {
      const before = ps[0].data.slice();
      setGrads(ps, [grad(k, 0), grad(k, 1)]);
      opt.step();
      const st = opt.stateOf('fc.weight')!;
      if (!('m' in st)) throw new Error('Adam-LAWN state has no m');
      expect(Math.abs(dot(st.m, before))).toBeLessThanOrEqual(1e-6 * norm(Float32Array.from(grad(k, 0))) * norm(before));
    }
  });

  it('L4–L6 (sgd, μ = 0): the step is exactly w ← c·(w − η·g_p)/‖w − η·g_p‖ (and L5: the rescale only shrinks)', () => {
    const ps = model();
    const opt = new Lawn(ps, { base: 'sgd', momentum: 0, freeSteps: 0, lr: 0.3 });
    const c = norm(ps[0].data);
    for (let k = 0; k < 5; k++) {
      const w = Array.from(ps[0].data);
      const g = grad(k, 0);
      const a = dot(g, w) / dot(w, w);
      const wb = w.map((x, j) => x - 0.3 * (g[j] - a * w[j]));
      const n = Math.sqrt(dot(wb, wb));
      expect(n).toBeGreaterThanOrEqual(c * (1 - 1e-7)); // L5
      setGrads(ps, [g, grad(k, 1)]);
      opt.step();
      expectClose(ps[0].data, wb.map((x) => (c * x) / n), { rtol: 1e-5, atol: 1e-7 });
    }
  });

  it('L6: a gradient already orthogonal to w is not changed by the projection (sgd, μ = 0)', () => {
    const w = param('w', [3, 4], [1, 2]);
    const opt = new Lawn([w], { base: 'sgd', momentum: 0, freeSteps: 0, lr: 0.1 });
    setGrads([w], [[-4, 3]]);
    opt.step();
    const wb = [3 + 0.4, 4 - 0.3];
    const n = Math.hypot(...wb);
    expectClose(w.data, wb.map((x) => (5 * x) / n), { rtol: 1e-6 });
  });

  it('L8 (LAMB-LAWN): the angular step is atan(η) (φ = identity)', () => {
    const ps = model();
    const opt = new Lawn(ps, { base: 'lamb', freeSteps: 0, lr: 0.2 });
    const c = norm(ps[0].data);
    for (let k = 0; k < 4; k++) {
      const before = ps[0].data.slice();
      setGrads(ps, [grad(k, 0), grad(k, 1)]);
      opt.step();
      expectClose([dot(ps[0].data, before) / (c * c)], [Math.cos(Math.atan(0.2))], { rtol: 1e-6 });
    }
  });

  it('resetMomentsAtSwitch zeroes the constrained moments and restarts their t at 1', () => {
    const ps = model();
    const opt = new Lawn(ps, { base: 'adam', freeSteps: 3, resetMomentsAtSwitch: true });
    trajectory(opt, ps, 4, grad);
    expect(opt.stateOf('fc.weight')!.t).toBe(1);
    expect(opt.stateOf('fc.bias')!.t).toBe(4);
    const carry = model();
    const opt2 = new Lawn(carry, { base: 'adam', freeSteps: 3 });
    trajectory(opt2, carry, 4, grad);
    expect(opt2.stateOf('fc.weight')!.t).toBe(4);
  });

  it('a constrained tensor with c = 0 is excluded and reported; constraint selection follows metadata', () => {
    const w = param('w', [0, 0], [1, 2]);
    const e = param('e', [1, 2], [1, 2], { role: 'embedding' });
    const t = param('t', [1, 2], [1, 2], { tags: ['final-homogeneous'] });
    const opt = new Lawn([w, e, t], { freeSteps: 0 }).trackDiagnostics();
    setGrads([w, e, t], [[1, 1], [1, 1], [1, 1]]);
    opt.step();
    expect(opt.diagnostics()!.extra.excluded).toEqual(['w']);
    // default set: conv/linear weights and embedding tables (Gupta et al. bound the whole network's weights)
    expect([...opt.targetNorms().keys()]).toEqual(['e', 't']);
    expect(new Lawn([w, e, t], { freeSteps: 0 }).isConstrained(e)).toBe(true);
    const narrow = new Lawn([w, e, t], { freeSteps: 0, constrainEmbeddings: false });
    expect([w, e, t].map((p) => narrow.isConstrained(p))).toEqual([true, false, true]);
    const tagged = new Lawn([w, e, t], { freeSteps: 0, onlyTag: 'final-homogeneous' });
    expect([w, e, t].map((p) => tagged.isConstrained(p))).toEqual([false, false, true]);
  });

  it('the free phase can be given in epochs; otherwise freeSteps is required', () => {
    const ps = model();
    expect(new Lawn(ps, { stepsPerEpoch: 7 }).settings.freeSteps).toBe(35);
    expect(new Lawn(ps, { stepsPerEpoch: 7, freeEpochs: 2 }).settings.freeSteps).toBe(14);
    expect(() => new Lawn(ps)).toThrow(/LAWN: give freeSteps/);
    expect(() => new Lawn(ps, { freeSteps: -1 })).toThrow(/freeSteps/);
    expect(() => new Lawn(ps, { freeSteps: 1, constrainedParams: ['nope'] })).toThrow(/unknown parameter 'nope'/);
  });
});
