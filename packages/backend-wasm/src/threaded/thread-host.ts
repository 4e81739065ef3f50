/**
 * Where the two-thread engine gets its worker from. The main entry knows only the browser's: a Web
 * Worker, usable when the page is cross-origin isolated (SharedArrayBuffer and shared wasm memory
 * exist only then). `@gapkit/backend-wasm/node` installs the Node one (its worker threads), so the main
 * entry never reaches a Node built-in.
 */
import type { WasmMemory } from '../wasm/wasm-runtime.js';
import { webWorkerHost } from './web-worker-host.js';

/** What a worker is started with. */
export interface WorkerInit {
  readonly memory: WasmMemory;
  readonly moduleBytes: Uint8Array;
  readonly control: SharedArrayBuffer;
}

export interface WorkerHandle {
  terminate(): void;
  /** Why the worker died, if the host can tell (then the main thread runs every unit). */
  failure?(): string | undefined;
}

export interface ThreadHost {
  /** For `describe()`: e.g. `Node worker threads`, `Web Worker over SharedArrayBuffer`. */
  readonly kind: string;
  /** Whether the main thread may block in `Atomics.wait` (Node: yes; a browser page: no, it spins). */
  readonly mainCanWait: boolean;
  /** Starts a worker running `workerMain(init)`. */
  spawn(init: WorkerInit): WorkerHandle;
}

let installed: ThreadHost | undefined;

/** Makes `host` the source of workers (the `./node` entry calls this with Node worker threads); undefined uninstalls. */
export function installThreadHost(host: ThreadHost | undefined): void {
  installed = host;
}

/** The host workers come from here, or undefined when this runtime has none. */
export function threadHost(): ThreadHost | undefined {
  return installed ?? webWorkerHost();
}

/** Why `threadHost()` is undefined, for error messages and `describe()`. */
export function noThreadHostReason(): string {
  if ('document' in globalThis || 'WorkerGlobalScope' in globalThis) {
    return 'this page is not cross-origin isolated (no SharedArrayBuffer for a Web Worker to share wasm memory with)';
  }
  return "no worker host: in Node import '@gapkit/backend-wasm/node' (it installs Node worker threads)";
}
