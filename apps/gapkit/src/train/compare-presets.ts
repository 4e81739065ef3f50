/**
 * Optimizer presets for `gapkit compare`: each paper's recipe for image classifiers, with what it
 * scales down for a CPU-sized run said in `scaledDown`. Sources (see docs/papers/):
 * - Padam: Chen et al., "Closing the Generalization Gap of Adaptive Gradient Methods in Training Deep
 *   Neural Networks", IJCAI 2020, arXiv:1806.06763 (§5.3, App. C.2).
 * - ND-Adam: Zhang et al., "Normalized Direction-preserving Adam", arXiv:1709.04546 (§5.2).
 * - AdamS: Xie et al., "On the Overlooked Pitfalls of Weight Decay and How to Mitigate Them", NeurIPS
 *   2023, arXiv:2011.11152 (§4).
 * - LAWN: Gupta et al., "Logit Attenuating Weight Normalization", arXiv:2108.05839 (Alg. 1, §6.6).
 */
import { describeUnknown } from '@gapkit/autodiff';
import { UsageError } from '../command.js';

export interface OptimizerPreset {
  /** Registry name (or adam-lawn). */
  readonly optimizer: string;
  /** Hyperparameters on top of the registry defaults, given the run's length. */
  readonly options: (epochs: number) => Record<string, unknown>;
  /** The schedule section of the config (default constant), given the run's total steps. */
  readonly schedule?: (totalSteps: number) => Record<string, unknown>;
  /** Where the settings come from. */
  readonly source: string;
  /** What the preset changes from the paper to fit a short CPU run. */
  readonly scaledDown: string;
}

export const OPTIMIZER_PRESETS: Record<string, OptimizerPreset> = {
  sgd: {
    optimizer: 'sgd',
    options: () => ({ lr: 0.1, momentum: 0.9, weightDecay: 5e-4 }),
    source: 'SGD-momentum as in Padam App. C.2: lr 0.1, μ 0.9, L2 5e-4',
    scaledDown: 'no step decay (the paper divides lr by 10 at epochs 100 and 150 of 200)',
  },
  adam: {
    optimizer: 'adam',
    options: () => ({ lr: 1e-3 }),
    source: 'Adam defaults: lr 1e-3, β (0.9, 0.999), ε 1e-8, no weight decay (ND-Adam §5)',
    scaledDown: 'no lr decay',
  },
  padam: {
    optimizer: 'padam',
    options: () => ({}),
    source: 'Padam defaults (§5.3): lr 0.1, p 1/8, β (0.9, 0.999), L2 5e-4',
    scaledDown: 'no step decay (the paper: ÷10 at epochs 100 and 150 of 200)',
  },
  'nd-adam': {
    optimizer: 'nd-adam',
    options: () => ({}),
    source: 'ND-Adam (Alg. 1, §5.2): α^v 0.05, α^s 1e-3, β (0.9, 0.999), unit vectors normalized at build',
    scaledDown: 'cosine decay over the run instead of over 400 epochs; no BN-softmax unless --head bn-softmax',
    schedule: () => ({ kind: 'cosine', unit: 'step' }),
  },
  adams: {
    optimizer: 'adams',
    options: () => ({}),
    source: 'AdamS (§4): lr 1e-3, λ 5e-4 scheduled by 1/√v̄',
    scaledDown: 'no step decay (the paper: ÷10 at epochs 80 and 160 of 200)',
  },
  'adam-lawn': {
    optimizer: 'adam-lawn',
    options: (epochs) => ({ freeEpochs: Math.max(1, Math.floor(epochs / 3)) }),
    source: 'Adam-LAWN (Alg. 1, §6.6): lr 1e-3, ε 1e-6, free phase then weight norms fixed, warm-up + linear decay',
    scaledDown: 'free phase = first third of the epochs (the paper: a few of 300); warm-up 5% of the steps, then linear decay to 0 at the end',
    schedule: (totalSteps) => ({ kind: 'warmup-linear', unit: 'step', warmup: Math.ceil(0.05 * totalSteps), total: totalSteps + 1 }),
  },
};

export const PRESET_NAMES = Object.keys(OPTIMIZER_PRESETS);

export function optimizerPreset(name: string): OptimizerPreset {
  const p = OPTIMIZER_PRESETS[name];
  if (!p) throw new UsageError(`unknown optimizer preset ${describeUnknown(name, PRESET_NAMES)}; valid: ${PRESET_NAMES.join(', ')}`);
  return p;
}

/** Task presets: a whole comparison by one name. `demo` is README command 1. */
export const TASK_PRESETS: Record<string, { readonly description: string; readonly config: Record<string, unknown>; readonly optimizers: readonly string[] }> = {
  demo: {
    description: 'MLP 784→128→10 on the embedded digits (8,000 training, 2,000 test), batch 64, 3 epochs, every optimizer preset',
    config: { model: { name: 'mlp', options: { hidden: [128] } }, dataset: { name: 'digits' }, epochs: 3, batchSize: 64, seed: 1 },
    optimizers: PRESET_NAMES,
  },
};
