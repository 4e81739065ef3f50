export * from './bn-softmax.js';
export * from './logit-l2.js';
