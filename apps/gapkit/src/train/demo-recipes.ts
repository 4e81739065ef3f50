/**
 * The optimizers the demo compares, each with the settings its paper used for image classifiers
 * (docs/papers/*.md; the defaults come from the @gapkit/optimizers registry). Only the epoch counts are
 * scaled down.
 */
import type { OptimizerName } from '@gapkit/optimizers';

export interface DemoRecipe {
  /** Registry key in @gapkit/optimizers. */
  readonly optimizer: OptimizerName;
  /** Options passed to the registry's `create`, on top of its defaults. */
  readonly options: (stepsPerEpoch: number, epochs: number) => Record<string, unknown>;
  /** Where the settings come from. */
  readonly source: string;
}

export const DEMO_RECIPES: Record<string, DemoRecipe> = {
  sgd: {
    optimizer: 'sgd',
    options: () => ({ lr: 0.1, momentum: 0.9, weightDecay: 5e-4 }),
    source: 'SGD-momentum as in Padam App. C.2: lr 0.1, μ 0.9, L2 5e-4',
  },
  adam: {
    optimizer: 'adam',
    options: () => ({ lr: 1e-3 }),
    source: 'Adam defaults: lr 1e-3, β (0.9, 0.999), ε 1e-8, no weight decay (ND-Adam paper §5)',
  },
  padam: {
    optimizer: 'padam',
    options: () => ({}),
    source: 'Padam defaults (docs/papers/padam.md#defaults): lr 0.1, p 1/8, β (0.9, 0.999), L2 5e-4, code bias correction',
  },
  'nd-adam': {
    optimizer: 'nd-adam',
    options: () => ({}),
    source: 'ND-Adam defaults (Alg. 1): α^v 0.05, α^s 1e-3, β (0.9, 0.999), unit vectors normalized at build',
  },
  adams: {
    optimizer: 'adams',
    options: () => ({}),
    source: 'AdamS defaults (docs/papers/adams-sgds.md#defaults): lr 1e-3, λ 5e-4 scheduled by 1/√v̄',
  },
  lawn: {
    optimizer: 'adam-lawn',
    options: (stepsPerEpoch, epochs) => ({ freeEpochs: Math.max(1, Math.floor(epochs / 3)), stepsPerEpoch }),
    source: 'Adam-LAWN (Alg. 1): lr 1e-3, ε 1e-6, free phase = first third of the epochs, then weight norms fixed',
  },
};

export const DEMO_OPTIMIZERS = Object.keys(DEMO_RECIPES);
