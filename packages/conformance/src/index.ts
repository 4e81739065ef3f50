/**
 * @gapkit/conformance — golden-trajectory cases (docs/conformance/README.md): the case schema in zod
 * (and as JSON Schema), the runner for replay and closed-loop cases, the one closed-loop model
 * interpreter, and the float64 reference optimizers that produce expected trajectories for synthetic
 * cases. Browser-safe: no file access (the `gapkit conformance` command reads files and folders).
 */
export * from './build-optimizer.js';
export * from './case-error.js';
export * from './closed-loop.js';
export * from './compare.js';
export * from './model.js';
export * from './params.js';
export * from './parse-case.js';
export * from './reference/float64.js';
export * from './replay.js';
export * from './run.js';
export * from './schema/case.js';
export * from './schema/hyper.js';
export * from './schema/json-schema.js';
export * from './schema/layers.js';
