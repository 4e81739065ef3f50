/**
 * @gapkit/trainer — the browser-safe core of `gapkit train`: the strict config schema and its
 * resolution, the training loop for classifiers and NCF, evaluation, metrics records and checkpoint
 * state. Files, YAML, processes and printing live in the CLI (`apps/gapkit/src/train`).
 */
export * from './build-model.js';
export * from './build-optimizer.js';
export * from './checkpoint/checkpoint-state.js';
export * from './checkpoint/config-hash.js';
export * from './config/lr-schedule.js';
export * from './config/optimizer-names.js';
export * from './config/parse-config.js';
export * from './config/resolve-config.js';
export * from './config/train-config.js';
export * from './metrics/evaluate-classifier.js';
export * from './metrics/evaluate-ncf.js';
export * from './metrics/layer-steps.js';
export * from './metrics/records.js';
export * from './metrics/train-gradient-norm.js';
export * from './non-finite-error.js';
export * from './rng-streams.js';
export * from './dropout-streams.js';
export * from './step-snapshot.js';
export * from './tasks/classifier-task.js';
export * from './tasks/ncf-task.js';
export * from './tasks/synthetic-ncf.js';
export * from './tasks/task-data.js';
export * from './trainer.js';
