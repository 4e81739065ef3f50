/**
 * `@gapkit/backend-wasm/node`: everything of the main entry, with Node's `worker_threads` installed as
 * the two-thread engine's thread host (so `wasm-2t`, and `auto` with it, run on two threads in Node).
 * Importing it is the only way this package reaches a Node built-in; browsers use the main entry.
 */
import { installThreadHost } from '../threaded/thread-host.js';
import { nodeThreadHost } from './node-thread-host.js';

installThreadHost(nodeThreadHost);

export * from '../index.js';
export { nodeThreadHost } from './node-thread-host.js';
