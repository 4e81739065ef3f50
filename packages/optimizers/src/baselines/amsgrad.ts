/**
 * AMSGrad (Reddi, Kale, Kumar, "On the Convergence of Adam and Beyond", ICLR 2018, arXiv:1904.09237) in
 * PyTorch's form (docs/papers/baselines.md#amsgrad): Adam whose denominator uses the running max of the
 * raw second moment, bias-corrected with the current step. (Reddi et al.'s form has no bias correction;
 * Padam with `biasCorrection: 'none'`, p = 1/2 and ε = 0 is that form.)
 *
 * Symbols → identifiers as in adam.ts; AMSGrad = `amsgrad: true`. Reduces to Adam under non-decreasing
 * |g| (G5, test/baselines/adam.test.ts).
 */
import type { OptimizerOptions, ParamsArg } from '../optimizer.js';
import { ADAM_DEFAULTS, Adam, type AdamOptions } from './adam.js';

/** AMSGrad defaults: Adam's with the running max on. */
export const AMSGRAD_DEFAULTS: Partial<AdamOptions> = { amsgrad: true };

/** Adam with `amsgrad: true`. */
export class AmsGrad extends Adam {
  constructor(params: ParamsArg<AdamOptions>, options: OptimizerOptions<AdamOptions> = {}) {
    super(params, options, 'AMSGrad', { ...ADAM_DEFAULTS, ...AMSGRAD_DEFAULTS });
  }
}
