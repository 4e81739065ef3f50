export * from './every-step.js';
export * from './gradient-stream.js';
export * from './group-partition.js';
export * from './hyperparameters.js';
export * from './laws.js';
export * from './param-set.js';
export * from './snippet.js';
export * from './trajectory.js';
