/**
 * AdamW (Loshchilov & Hutter, "Decoupled Weight Decay Regularization", ICLR 2019, arXiv:1711.05101),
 * PyTorch semantics (docs/papers/baselines.md#adamw): θ ← θ·(1 − η·λ) with the
 * current scheduled η, then the Adam step on the raw gradient. PyTorch's λ·lr equals the paper's
 * η_t·λ; the SWD paper compares AdamS(λ) with AdamW(λ/η).
 *
 * Symbols → identifiers as in adam.ts; AdamW = `weightDecayMode: 'decoupled'`, λ default 1e-2 (PyTorch).
 * Reduces to Adam when λ = 0 (G1, test/papers/adams.test.ts).
 */
import type { OptimizerOptions, ParamsArg } from '../optimizer.js';
import { ADAM_DEFAULTS, Adam, type AdamOptions } from './adam.js';

/** AdamW defaults: Adam's with weightDecay 1e-2 and decoupled mode. */
export const ADAMW_DEFAULTS: Partial<AdamOptions> = { weightDecay: 1e-2, weightDecayMode: 'decoupled' };

/** Adam with decoupled weight decay. */
export class AdamW extends Adam {
  constructor(params: ParamsArg<AdamOptions>, options: OptimizerOptions<AdamOptions> = {}) {
    super(params, options, 'AdamW', { ...ADAM_DEFAULTS, ...ADAMW_DEFAULTS });
  }
}
