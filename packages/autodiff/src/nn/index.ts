export * from './init.js';
export * from './module.js';
export * from './parameter.js';
