export * from './backend/backend.js';
export * from './backend/index.js';
export { describeBackend, getBackend, kernels, setBackend, withBackend } from './backend/registry.js';
export * from './composite/index.js';
export * from './nn/index.js';
export * from './ops/index.js';
export { Rng, type RngState } from './random.js';
export * from './shape.js';
export { assertFinite, type BackwardOptions, fromOp, type GraphInput, type GraphNode, isGradEnabled, noGrad, Tensor, topologicalOrder } from './tensor.js';
