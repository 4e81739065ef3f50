/**
 * SGD with momentum, dampening, Nesterov and L2 weight decay — PyTorch semantics
 * (docs/papers/baselines.md#sgd-momentum): the momentum buffer is created on the first step as a copy of the
 * (L2-augmented) gradient, with no dampening on that first step.
 *
 *   (L1) d ← g + λ·θ                         (negated first when maximize)
 *   (L2) b ← d on the first step, else μ·b + (1 − τ)·d
 *   (L3) d ← d + μ·b (Nesterov) or d ← b
 *   (L4) θ ← θ − η·d
 *
 * Symbols → identifiers: η → lr, μ → momentum, τ → dampening, λ → weightDecay, Nesterov → nesterov,
 * maximize → maximize; b → state b (hasBuf once it exists).
 * Deviations: none from PyTorch. Invariants G7, G8 (test/baselines/sgd.test.ts).
 */
import type { Parameter } from '@gapkit/autodiff';
import type { OptimizerOptions, ParamsArg, Resolved } from '../optimizer.js';
import { TensorwiseOptimizer } from '../tensorwise.js';
import type { Scalar } from '../schedule.js';
import { assertInRange, assertNonNegative } from '../validate.js';
import { OptimizerError } from '../errors.js';

export interface SgdOptions {
  /** η, learning rate ≥ 0. PyTorch default 1e-3. */
  lr: Scalar;
  /** μ ∈ [0, 1], momentum factor. */
  momentum: Scalar;
  /** τ ∈ [0, 1], dampening of the gradient added to the buffer (not applied on the first step). */
  dampening: Scalar;
  /** λ ≥ 0, L2 penalty added to the gradient. */
  weightDecay: Scalar;
  /** Nesterov momentum; requires μ > 0 and τ = 0. */
  nesterov: boolean;
  /** Ascend instead of descend. */
  maximize: boolean;
}

export const SGD_DEFAULTS: SgdOptions = { lr: 1e-3, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false, maximize: false };

/** b: momentum buffer; hasBuf once it holds a value (PyTorch creates it lazily). */
export type SgdState = { t: number; b: Float32Array; hasBuf: boolean };

/** Fresh SGD state (no buffer yet) for a tensor of `size` elements. */
export function sgdState(size: number): SgdState {
  return { t: 0, b: new Float32Array(size), hasBuf: false };
}

/** Validation shared by SGD and SGDS. */
export function validateSgd(h: Resolved<SgdOptions>, where: string): void {
  assertNonNegative(where, 'lr (η)', h.lr);
  assertInRange(where, 'momentum (μ)', h.momentum, { value: 0 }, { value: 1 });
  assertInRange(where, 'dampening (τ)', h.dampening, { value: 0 }, { value: 1 });
  assertNonNegative(where, 'weightDecay (λ)', h.weightDecay);
  if (h.nesterov && (h.momentum <= 0 || h.dampening !== 0)) {
    throw new OptimizerError(`${where}: nesterov requires momentum (μ) > 0 and dampening (τ) = 0, got μ = ${h.momentum}, τ = ${h.dampening}`);
  }
}

/**
 * Steps (L2)–(L3) for element i given its (already decayed) gradient d: updates the buffer and
 * returns the direction. Set `s.hasBuf = true` after the loop when μ ≠ 0.
 */
export function sgdDirectionAt(s: SgdState, i: number, d: number, h: Resolved<SgdOptions>): number {
  const mu = h.momentum;
  if (mu === 0) return d;
  const b = s.hasBuf ? mu * s.b[i] + (1 - h.dampening) * d : d; // (L2)
  s.b[i] = b;
  return h.nesterov ? d + mu * b : b; // (L3)
}

/** One SGD step on raw buffers. */
export function sgdUpdate(w: Float32Array, g: Float32Array, s: SgdState, h: Resolved<SgdOptions>): void {
  const sign = h.maximize ? -1 : 1;
  for (let i = 0; i < w.length; i++) {
    const d = sign * g[i] + h.weightDecay * w[i]; // (L1)
    w[i] = w[i] - h.lr * sgdDirectionAt(s, i, d, h); // (L4)
  }
  if (h.momentum !== 0) s.hasBuf = true;
}

/** Stochastic gradient descent (PyTorch `torch.optim.SGD`). */
export class Sgd extends TensorwiseOptimizer<SgdOptions, SgdState> {
  constructor(params: ParamsArg<SgdOptions>, options: OptimizerOptions<SgdOptions> = {}) {
    super('SGD', params, SGD_DEFAULTS, options);
  }
  protected initState(p: Parameter): SgdState {
    return sgdState(p.size);
  }
  protected update(p: Parameter, g: Float32Array, s: SgdState, h: Resolved<SgdOptions>): void {
    sgdUpdate(p.data, g, s, h);
  }
  protected validate(h: Resolved<SgdOptions>, where: string): void {
    validateSgd(h, where);
  }
  protected override ruleFor(_p: Parameter, h: Resolved<SgdOptions>): string {
    return h.momentum === 0 ? 'SGD' : `SGD momentum${h.nesterov ? ' (Nesterov)' : ''}`;
  }
}
