/** The options every optimizer takes besides its hyperparameters (`CommonOptions` in optimizer.ts). */
import type { CommonOptions } from '../optimizer.js';
import { type HyperTable, hyperParameters, type HyperParameter } from './hyperparameter.js';
import { choice } from './spec-helpers.js';

/** Defaults of `CommonOptions`. */
export const COMMON_DEFAULTS: Required<CommonOptions> = { nonFinite: 'error' };

const COMMON_TABLE: HyperTable<CommonOptions> = {
  nonFinite: choice(
    'nonFinite',
    "a gradient holding NaN or ±Infinity: 'error' throws (naming the tensor, index and step) and changes nothing; 'skip' skips the whole step and counts it in skippedSteps",
    ['error', 'skip'],
    "gapkit (mixed-precision trainers' skip-step convention)",
  ),
};

/** The common options as registry hyperparameters (optimizer-wide). */
export function commonParameters(): HyperParameter[] {
  return hyperParameters('optimizer', COMMON_TABLE, COMMON_DEFAULTS);
}
