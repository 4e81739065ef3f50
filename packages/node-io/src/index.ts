export { fsyncDirectory, tempPathFor, writeFileAtomic } from './atomic-write.js';
