export * from './arbitraries.js';
export * from './expect-close.js';
export * from './gradcheck.js';
export * from './parity.js';
export * from './optimizer-kit/index.js';
