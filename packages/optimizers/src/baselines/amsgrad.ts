/**
 * AMSGrad in PyTorch's form (algorithms.md §1.3): Adam whose denominator uses the running max of the
 * raw second moment, bias-corrected with the current step. (Reddi et al.'s form has no bias correction;
 * Padam with `biasCorrection: 'none'`, p = 1/2 and ε = 0 is that form.)
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
