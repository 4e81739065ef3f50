/**
 * @gapkit/optimizers — ND-Adam, Padam, AdamS/SGDS, LAWN and their baselines, each written next to its
 * paper (src/papers) on a small base class (optimizer.ts). Depends only on the engine's Parameter type.
 */
export * from './baselines/adabound.js';
export * from './baselines/adam.js';
export * from './baselines/adamw.js';
export * from './baselines/amsgrad.js';
export * from './baselines/lamb.js';
export * from './baselines/radam.js';
export * from './baselines/sgd.js';
export * from './baselines/yogi.js';
export * from './clip.js';
export * from './diagnostics.js';
export * from './errors.js';
export * from './option-keys.js';
export * from './tensorwise.js';
export * from './math.js';
export * from './optimizer.js';
export * from './papers/padam.js';
export * from './param-groups.js';
export * from './schedule.js';
export * from './validate.js';
export * from './papers/adams.js';
export * from './papers/lawn.js';
export * from './papers/lawn-settings.js';
export * from './papers/nd-adam.js';
export * from './papers/sgds.js';
export * from './registry.js';
