/**
 * The trainer config of one optimizer's run in a comparison: the `gapkit train` config of the same run
 * (dataset `digits` with `trainSize`, the same model options, seed and backend), so the exported
 * folder is one that `gapkit eval` reads.
 */
import type { TrainConfigInput } from '@gapkit/trainer';
import type { ModelChoice, OptimizerSetup, Setup } from '../setup/setup.js';

/** The zoo model behind each page choice: a 784-64-10 MLP, or a two-stage ResNet with 8/16 channels as the small CNN. */
export function modelConfig(m: ModelChoice): TrainConfigInput['model'] {
  return m === 'mlp'
    ? { name: 'mlp', options: { hidden: [64] } }
    : { name: 'resnet', options: { blocks: [1, 1], widths: [8, 16], inChannels: 1 } };
}

/** Steps between two evaluations on the held-out digits. */
export const EVAL_EVERY = 25;

export function runConfig(s: Setup, o: OptimizerSetup): TrainConfigInput {
  return {
    model: modelConfig(s.model),
    dataset: { name: 'digits', trainSize: s.trainSize },
    optimizer: { name: o.name, options: { ...o.options } },
    epochs: 100000,
    maxSteps: s.steps,
    batchSize: s.batchSize,
    seed: s.seed,
    logEvery: 1,
    evalEvery: EVAL_EVERY,
    // The CLI has no WebGL: a gpu.js page backend is saved as `auto` (the page's choice is in provenance).
    backend: s.backend.startsWith('gpujs-') ? 'auto' : s.backend,
    provenance: { app: '@gapkit/playground', pageBackend: s.backend },
  };
}
