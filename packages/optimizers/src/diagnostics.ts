/**
 * Per-step diagnostics the apps log: the global gradient norm, each group's
 * effective step ‖Δw‖/‖w‖, every tensor's weight norm, and optimizer-specific values (AdamS's √v̄,
 * LAWN's phase and c_ℓ, ND-Adam's worst |‖w_i‖ − 1|). Turned on with `optimizer.trackDiagnostics()`.
 */
import type { Parameter } from '@gapkit/autodiff';
import { norm } from './math.js';

/** What one step did. */
export interface StepDiagnostics {
  /** 1-based index of the step just taken. */
  step: number;
  /** ‖g‖ over every gradient the step received (after any clipping the caller did). */
  gradNorm: number;
  groups: {
    index: number;
    /** The group's resolved learning rate at this step (NaN if the optimizer has none). */
    lr: number;
    /** ‖w_after − w_before‖ / ‖w_before‖ over the group's tensors that had a gradient (0/0 → 0). */
    effectiveStep: number;
    /** ‖w‖ over the whole group after the step. */
    weightNorm: number;
  }[];
  /** ‖w‖ of each tensor after the step. */
  weightNorms: Record<string, number>;
  /** Optimizer-specific values. */
  extra: Record<string, unknown>;
}

/** Weights before the step and the gradient norm, taken just before the update. */
export interface DiagnosticsProbe {
  before: Map<Parameter, Float32Array>;
  gradNorm: number;
}

/** Copies the weights that will move and measures the global gradient norm. */
export function beginDiagnostics(groups: readonly { params: readonly Parameter[] }[]): DiagnosticsProbe {
  const before = new Map<Parameter, Float32Array>();
  let gg = 0;
  for (const g of groups) {
    for (const p of g.params) {
      if (p.grad === null) continue;
      before.set(p, p.data.slice());
      const n = norm(p.grad.data);
      gg += n * n;
    }
  }
  return { before, gradNorm: Math.sqrt(gg) };
}

/** Compares the weights after the step with the probe. */
export function finishDiagnostics(
  probe: DiagnosticsProbe,
  step: number,
  groups: readonly { index: number; group: { params: readonly Parameter[] }; h: object }[],
  extra: Record<string, unknown>,
): StepDiagnostics {
  const weightNorms: Record<string, number> = {};
  const out = groups.map(({ index, group, h }) => {
    let dw2 = 0;
    let w2before = 0;
    let w2 = 0;
    for (const p of group.params) {
      const n = norm(p.data);
      weightNorms[p.meta.name] = n;
      w2 += n * n;
      const b = probe.before.get(p);
      if (!b) continue;
      for (let i = 0; i < b.length; i++) {
        const d = p.data[i] - b[i];
        dw2 += d * d;
        w2before += b[i] * b[i];
      }
    }
    const lr = 'lr' in h && typeof h.lr === 'number' ? h.lr : Number.NaN;
    return { index, lr, effectiveStep: w2before > 0 ? Math.sqrt(dw2 / w2before) : 0, weightNorm: Math.sqrt(w2) };
  });
  return { step, gradNorm: probe.gradNorm, groups: out, weightNorms, extra };
}
