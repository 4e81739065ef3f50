/**
 * @gapkit/model-zoo — the models the ND-Adam, Padam, SWD and LAWN papers trained, with the parameter
 * metadata their optimizers read (role, unit axes, LAWN tags). See README.md for the tag table.
 */
export * from './heads/index.js';
export * from './metadata.js';
export * from './mlp.js';
export * from './ncf.js';
export * from './ndadam-tf-wide-resnet.js';
export * from './padam-wide-resnet.js';
export * from './registry.js';
export * from './resnet.js';
export * from './tally.js';
export * from './types.js';
export * from './validate.js';
export * from './vgg.js';
export * from './wide-resnet.js';
