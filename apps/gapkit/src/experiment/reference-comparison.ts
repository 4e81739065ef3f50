/**
 * A comparison with the PyTorch reference runs only makes sense on their recipe: the full form. The
 * quick form (another, CI-sized recipe) says so instead of printing a verdict.
 */
import type { ExperimentMode } from './experiment.js';

export const NOT_COMPARED_QUICK = 'not compared (quick form: not the reference\'s recipe)';

/** `verdict()` in the full form; {@link NOT_COMPARED_QUICK} in the quick form. */
export function versusReference(mode: ExperimentMode, verdict: () => string): string {
  return mode === 'quick' ? NOT_COMPARED_QUICK : verdict();
}

/**
 * The PyTorch reference runs' mean test logit norm ‖z‖ (eval-mode BN) on the CIFAR recipe (5,000 images,
 * 10 epochs): every optimizer between 5.1 and 7.0.
 */
export const PYTORCH_CIFAR_LOGIT_NORM_RANGE = [5.1, 7.0] as const;
