/**
 * An independent float64 implementation of every optimizer of the case format, written from the
 * update rules stated in docs/conformance/README.md (it imports nothing from @gapkit/optimizers).
 * It computes the expected trajectories of synthetic replay cases and, stepped in lock step with the
 * engine's gradients, of synthetic closed-loop cases, so the runner's mapping from the format's names
 * and keys to gapkit's optimizers is checked end to end. Inputs are taken as Math.fround of the JSON
 * numbers (as the format prescribes); everything else is float64.
 */

export interface RefParam {
  name: string;
  shape: number[];
  init: number[];
}
export interface RefGroup {
  params: string[];
  lr: number[];
  weight_decay?: number;
  role?: 'vector' | 'scalar';
}
export interface RefCase {
  optimizer: string;
  hyper: Record<string, unknown>;
  param_groups: RefGroup[];
  steps: number;
  params: RefParam[];
  grads: Array<Record<string, number[] | null>>;
}

interface St {
  t: number;
  m: number[];
  v: number[];
  vmax: number[];
  b: number[] | null;
}

const f32 = Math.fround;
const num = (h: Record<string, unknown>, k: string, d: number): number => (typeof h[k] === 'number' ? (h[k] as number) : d);
const bool = (h: Record<string, unknown>, k: string, d: boolean): boolean => (typeof h[k] === 'boolean' ? (h[k] as boolean) : d);
const dotp = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
const nrm = (a: number[]) => Math.sqrt(dotp(a, a));
const proj = (g: number[], w: number[]) => {
  const ww = dotp(w, w);
  const c = ww > 0 ? dotp(g, w) / ww : 0;
  return g.map((x, i) => x - c * w[i]);
};

/** Parameters after each step, computed in float64. */
export function referenceTrajectory(c: RefCase): Array<Record<string, number[]>> {
  const ref = referenceStepper(c);
  return Array.from({ length: c.steps }, (_, k) => ref.step(c.grads[k]));
}

/** A step-by-step float64 reference (closed loop: gradients computed at its own current parameters). */
export interface RefStepper {
  /** The current parameters (after construction-time normalization, before any step). */
  current(): Record<string, number[]>;
  /** Applies the next step with these gradients (null = none) and returns the parameters after it. */
  step(grads: Record<string, number[] | null>): Record<string, number[]>;
}

/** Builds the float64 reference of a case; `c.grads` is not used. */
export function referenceStepper(c: Omit<RefCase, 'grads'>): RefStepper {
  const h = c.hyper;
  const [b1, b2] = (h.betas as [number, number] | undefined) ?? [0.9, 0.999];
  const W = new Map(c.params.map((p) => [p.name, p.init.map(f32)]));
  const shapes = new Map(c.params.map((p) => [p.name, p.shape]));
  const S = new Map<string, St>();
  const st = (n: string): St => {
    let s = S.get(n);
    if (!s) {
      const z = () => new Array(W.get(n)!.length).fill(0);
      s = { t: 0, m: z(), v: z(), vmax: z(), b: null };
      S.set(n, s);
    }
    return s;
  };
  const groupOf = (n: string) => c.param_groups.findIndex((g) => g.params.includes(n));
  // ND-Adam: unit size (every axis but the first) per vector tensor
  const vectors = new Set<string>(c.optimizer === 'ND-Adam' ? c.param_groups.filter((g) => g.role === 'vector').flatMap((g) => g.params) : []);
  const units = (n: string): number[][] => {
    const w = W.get(n)!;
    const size = shapes.get(n)!.slice(1).reduce((a, b) => a * b, 1);
    return Array.from({ length: w.length / size }, (_, u) => w.slice(u * size, (u + 1) * size));
  };
  if (c.optimizer === 'ND-Adam' && bool(h, 'normalize_at_init', h.variant !== 'code')) {
    for (const n of vectors) W.set(n, units(n).flatMap((u) => u.map((x) => x / nrm(u))));
  }
  const lawnC = new Map<string, number>();
  /** LAWN's switch (L2): after the last free step record c_ℓ = ‖w_ℓ‖ and, with `reset_moments_at_switch`, drop the moments. */
  const lawnSwitch = (free: number, constrained: ReadonlySet<string>): void => {
    if (k !== free) return;
    for (const n of constrained) {
      lawnC.set(n, nrm(W.get(n)!));
      if (bool(h, 'reset_moments_at_switch', false)) S.delete(n);
    }
  };
  const inGroup = new Set(c.param_groups.flatMap((g) => g.params));
  const current = () => Object.fromEntries([...W].map(([n, w]) => [n, [...w]]));
  let k = 0;

  const stepOnce = (gradsK: Record<string, number[] | null>): void => {
    const live = c.params.map((p) => p.name).filter((n) => inGroup.has(n) && gradsK[n] !== null && gradsK[n] !== undefined);
    const G = new Map(live.map((n) => [n, gradsK[n]!.map(f32)]));
    const lrOf = (n: string) => c.param_groups[groupOf(n)].lr[k];
    const wdOf = (n: string, d: number) => c.param_groups[groupOf(n)].weight_decay ?? d;

    if (c.optimizer === 'AdamS') {
      const eps = num(h, 'eps', 1e-8);
      const ams = bool(h, 'amsgrad', false);
      let sum = 0;
      let count = 0;
      for (const n of live) {
        const s = st(n);
        const g = G.get(n)!;
        s.t++;
        g.forEach((gi, i) => {
          s.m[i] = b1 * s.m[i] + (1 - b1) * gi;
          s.v[i] = b2 * s.v[i] + (1 - b2) * gi * gi;
          s.vmax[i] = Math.max(s.vmax[i], s.v[i]);
          sum += (ams ? s.vmax[i] : s.v[i]) / (1 - b2 ** s.t);
          count++;
        });
      }
      const sq = Math.sqrt(sum / count);
      for (const n of live) {
        const s = st(n);
        const w = W.get(n)!;
        const lr = lrOf(n);
        const wd = wdOf(n, num(h, 'weight_decay', 5e-4));
        for (let i = 0; i < w.length; i++) {
          if (wd !== 0) w[i] *= 1 - (lr * wd) / sq;
          const vh = (ams ? s.vmax[i] : s.v[i]) / (1 - b2 ** s.t);
          w[i] -= (lr * s.m[i]) / (1 - b1 ** s.t) / (Math.sqrt(vh) + eps);
        }
      }
    } else if (c.optimizer === 'SGD-LAWN') {
      const free = num(h, 'free_steps', 0);
      const constrained = new Set((h.constrained_params as string[] | undefined) ?? []);
      const mu = num(h, 'momentum', 0);
      const tau = num(h, 'dampening', 0);
      const nesterov = bool(h, 'nesterov', false);
      lawnSwitch(free, constrained);
      for (const n of live) {
        const s = st(n);
        const w = W.get(n)!;
        const lr = lrOf(n);
        s.t++;
        const target = k >= free ? lawnC.get(n) : undefined;
        const g = target !== undefined ? proj(G.get(n)!, w) : G.get(n)!;
        let d = g;
        if (mu !== 0) {
          s.b = s.b === null ? [...g] : s.b.map((bi, i) => mu * bi + (1 - tau) * g[i]);
          d = nesterov ? g.map((gi, i) => gi + mu * s.b![i]) : s.b;
        }
        if (target !== undefined) d = proj(d, w);
        for (let i = 0; i < w.length; i++) w[i] -= lr * d[i];
        if (target !== undefined) {
          const wn = nrm(w);
          for (let i = 0; i < w.length; i++) w[i] *= target / wn;
        }
      }
    } else if (c.optimizer === 'Adam-LAWN' || c.optimizer === 'LAMB-LAWN') {
      const free = num(h, 'free_steps', 0);
      const constrained = new Set((h.constrained_params as string[] | undefined) ?? []);
      const eps = num(h, 'eps', 1e-6);
      const lamb = c.optimizer === 'LAMB-LAWN';
      const bc = bool(h, 'bias_correction', true);
      const min10 = h.phi === 'min(||w||, 10)';
      lawnSwitch(free, constrained);
      for (const n of live) {
        const s = st(n);
        const w = W.get(n)!;
        const lr = lrOf(n);
        s.t++;
        const target = k >= free ? lawnC.get(n) : undefined;
        const g = target !== undefined ? proj(G.get(n)!, w) : G.get(n)!;
        const c1 = lamb && !bc ? 1 : 1 - b1 ** s.t;
        const c2 = lamb && !bc ? 1 : 1 - b2 ** s.t;
        let r = g.map((gi, i) => {
          s.m[i] = b1 * s.m[i] + (1 - b1) * gi;
          s.v[i] = b2 * s.v[i] + (1 - b2) * gi * gi;
          return s.m[i] / c1 / (Math.sqrt(s.v[i] / c2) + eps);
        });
        if (target !== undefined) r = proj(r, w);
        let scale = lr;
        if (lamb) {
          const wn = nrm(w);
          const phi = target === undefined && min10 ? Math.min(wn, 10) : wn;
          const rn = nrm(r);
          scale = lr * (phi > 0 && rn > 0 ? phi / rn : 1);
        }
        for (let i = 0; i < w.length; i++) w[i] -= scale * r[i];
        if (target !== undefined) {
          const wn = nrm(w);
          for (let i = 0; i < w.length; i++) w[i] *= target / wn;
        }
      }
    } else {
      for (const n of live) {
        const s = st(n);
        const w = W.get(n)!;
        const g = G.get(n)!;
        const lr = lrOf(n);
        s.t++;
        const t = s.t;
        switch (c.optimizer) {
          case 'SGD':
          case 'SGDS': {
            const mu = num(h, 'momentum', 0);
            const tau = num(h, 'dampening', 0);
            const wd = wdOf(n, num(h, 'weight_decay', 0));
            const sgds = c.optimizer === 'SGDS';
            if (sgds && wd !== 0) for (let i = 0; i < w.length; i++) w[i] *= 1 - ((1 - tau) / (1 - mu)) * lr * wd;
            const d = g.map((gi, i) => (sgds ? gi : gi + wd * w[i]));
            let step = d;
            if (mu !== 0) {
              s.b = s.b === null ? [...d] : s.b.map((bi, i) => mu * bi + (1 - tau) * d[i]);
              step = bool(h, 'nesterov', false) ? d.map((di, i) => di + mu * s.b![i]) : s.b;
            }
            for (let i = 0; i < w.length; i++) w[i] -= lr * step[i];
            break;
          }
          case 'Adam':
          case 'Adam(amsgrad)':
          case 'AdamW': {
            const wd = wdOf(n, num(h, 'weight_decay', 0));
            const decoupled = h.weight_decay_mode === 'decoupled';
            const ams = bool(h, 'amsgrad', false);
            const eps = num(h, 'eps', 1e-8);
            for (let i = 0; i < w.length; i++) {
              if (decoupled) w[i] *= 1 - lr * wd;
              const d = decoupled ? g[i] : g[i] + wd * w[i];
              s.m[i] = b1 * s.m[i] + (1 - b1) * d;
              s.v[i] = b2 * s.v[i] + (1 - b2) * d * d;
              s.vmax[i] = Math.max(s.vmax[i], s.v[i]);
              const v = ams ? s.vmax[i] : s.v[i];
              w[i] -= (lr / (1 - b1 ** t)) * (s.m[i] / (Math.sqrt(v) / Math.sqrt(1 - b2 ** t) + eps));
            }
            break;
          }
          case 'Padam': {
            const p = num(h, 'partial', 0.125);
            const eps = num(h, 'eps', 1e-8);
            const wd = wdOf(n, num(h, 'weight_decay', 0));
            const ams = bool(h, 'amsgrad', true);
            for (let i = 0; i < w.length; i++) {
              const d = g[i] + wd * w[i];
              s.m[i] = b1 * s.m[i] + (1 - b1) * d;
              s.v[i] = b2 * s.v[i] + (1 - b2) * d * d;
              s.vmax[i] = Math.max(s.vmax[i], s.v[i]);
              const base = Math.sqrt(ams ? s.vmax[i] : s.v[i]) + eps;
              w[i] -= ((lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t)) * (s.m[i] / base ** (2 * p));
            }
            break;
          }
          case 'LAMB': {
            const eps = num(h, 'eps', 1e-6);
            const wd = wdOf(n, num(h, 'weight_decay', 0));
            const bc = bool(h, 'bias_correction', true);
            const u = g.map((gi, i) => {
              s.m[i] = b1 * s.m[i] + (1 - b1) * gi;
              s.v[i] = b2 * s.v[i] + (1 - b2) * gi * gi;
              const mh = bc ? s.m[i] / (1 - b1 ** t) : s.m[i];
              const vh = bc ? s.v[i] / (1 - b2 ** t) : s.v[i];
              return mh / (Math.sqrt(vh) + eps) + wd * w[i];
            });
            const wn = nrm(w);
            const phi = h.phi === 'min(||w||, 10)' ? Math.min(wn, 10) : wn;
            const un = nrm(u);
            const ratio = phi > 0 && un > 0 ? phi / un : 1;
            for (let i = 0; i < w.length; i++) w[i] -= lr * ratio * u[i];
            break;
          }
          case 'ND-Adam': {
            const eps = num(h, 'eps', 1e-8);
            const paper = h.variant !== 'code';
            const c1 = 1 - b1 ** t;
            const c2 = 1 - b2 ** t;
            if (vectors.has(n)) {
              const size = shapes.get(n)!.slice(1).reduce((a, b) => a * b, 1);
              for (let u0 = 0; u0 < w.length; u0 += size) {
                const wu = w.slice(u0, u0 + size);
                const gu = g.slice(u0, u0 + size);
                const gw = dotp(gu, wu);
                const gp = gu.map((x, j) => x - gw * wu[j]);
                gp.forEach((x, j) => {
                  s.m[u0 + j] = b1 * s.m[u0 + j] + (1 - b1) * x;
                });
                s.v[u0] = b2 * s.v[u0] + (1 - b2) * dotp(gp, gp); // the unit's scalar lives at its first index
                const bar = wu.map((x, j) =>
                  paper
                    ? x - (lr * s.m[u0 + j]) / c1 / (Math.sqrt(s.v[u0] / c2) + eps)
                    : x - ((lr * Math.sqrt(c2)) / c1) * (s.m[u0 + j] / (Math.sqrt(s.v[u0]) + eps)),
                );
                const nb = nrm(bar);
                bar.forEach((x, j) => {
                  w[u0 + j] = x / nb;
                });
              }
            } else {
              const wd = wdOf(n, num(h, 'scalar_weight_decay', 0));
              for (let i = 0; i < w.length; i++) {
                const d = g[i] + wd * w[i];
                s.m[i] = b1 * s.m[i] + (1 - b1) * d;
                s.v[i] = b2 * s.v[i] + (1 - b2) * d * d;
                w[i] -= paper ? (lr * s.m[i]) / c1 / (Math.sqrt(s.v[i] / c2) + eps) : ((lr * Math.sqrt(c2)) / c1) * (s.m[i] / (Math.sqrt(s.v[i]) + eps));
              }
            }
            break;
          }
          case 'AdaBound': {
            const eps = num(h, 'eps', 1e-8);
            const wd = wdOf(n, num(h, 'weight_decay', 0));
            const ams = bool(h, 'amsbound', false);
            const gamma = num(h, 'gamma', 1e-3);
            const f = (num(h, 'final_lr', 0.1) * lr) / c.param_groups[groupOf(n)].lr[0];
            const lower = f * (1 - 1 / (gamma * t + 1));
            const upper = f * (1 + 1 / (gamma * t));
            const step = (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
            for (let i = 0; i < w.length; i++) {
              const d = g[i] + wd * w[i];
              s.m[i] = b1 * s.m[i] + (1 - b1) * d;
              s.v[i] = b2 * s.v[i] + (1 - b2) * d * d;
              s.vmax[i] = Math.max(s.vmax[i], s.v[i]);
              const eta = Math.min(Math.max(step / (Math.sqrt(ams ? s.vmax[i] : s.v[i]) + eps), lower), upper);
              w[i] -= eta * s.m[i];
            }
            break;
          }
          case 'Yogi': {
            const eps = num(h, 'eps', 1e-3);
            const wd = wdOf(n, num(h, 'weight_decay', 0));
            if (t === 1) {
              const acc = num(h, 'initial_accumulator', 1e-6);
              s.m.fill(acc);
              s.v.fill(acc);
            }
            for (let i = 0; i < w.length; i++) {
              const d = g[i] + wd * w[i];
              s.m[i] = b1 * s.m[i] + (1 - b1) * d;
              s.v[i] -= (1 - b2) * Math.sign(s.v[i] - d * d) * d * d;
              w[i] -= ((lr / (1 - b1 ** t)) * s.m[i]) / (Math.sqrt(s.v[i]) / Math.sqrt(1 - b2 ** t) + eps);
            }
            break;
          }
          case 'RAdam': {
            const eps = num(h, 'eps', 1e-8);
            const wd = wdOf(n, num(h, 'weight_decay', 0));
            for (let i = 0; i < w.length; i++) {
              s.m[i] = b1 * s.m[i] + (1 - b1) * g[i];
              s.v[i] = b2 * s.v[i] + (1 - b2) * g[i] * g[i];
            }
            const rhoInf = 2 / (1 - b2) - 1;
            const rho = rhoInf - (2 * t * b2 ** t) / (1 - b2 ** t);
            if (rho >= 5) {
              const r = Math.sqrt(((1 - b2 ** t) * (rho - 4) * (rho - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rho)) / (1 - b1 ** t);
              for (let i = 0; i < w.length; i++) w[i] = w[i] * (1 - lr * wd) - (lr * r * s.m[i]) / (Math.sqrt(s.v[i]) + eps);
            } else if (bool(h, 'degenerated_to_sgd', false)) {
              for (let i = 0; i < w.length; i++) w[i] = w[i] * (1 - lr * wd) - (lr * s.m[i]) / (1 - b1 ** t);
            }
            break;
          }
          default:
            throw new Error(`reference: no rule for '${c.optimizer}'`);
        }
      }
    }
  };
  return {
    current,
    step(gradsK) {
      stepOnce(gradsK);
      k++;
      return current();
    },
  };
}
