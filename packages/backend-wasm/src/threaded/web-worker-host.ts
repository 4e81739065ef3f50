/**
 * The browser's thread host: a Web Worker built from a Blob of the bundled worker program, given its
 * `WorkerInit` (shared wasm memory, module bytes, control array) in its first message. Only when the
 * page is cross-origin isolated; the page's main thread may not block, so it spins on the control word.
 */
import type { ThreadHost, WorkerInit } from './thread-host.js';
import { WORKER_BUNDLE } from './worker-bundle.generated.js';

interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
}

interface WebGlobals {
  readonly crossOriginIsolated?: boolean;
  readonly Worker?: new (url: string) => WebWorker;
  readonly Blob?: new (parts: string[], options: { type: string }) => object;
  readonly URL?: { createObjectURL(blob: object): string; revokeObjectURL(url: string): void };
}

/** The Web Worker host, or undefined outside a cross-origin isolated browser context. */
export function webWorkerHost(): ThreadHost | undefined {
  const g = globalThis as unknown as WebGlobals;
  const { Worker, Blob, URL } = g;
  if (g.crossOriginIsolated !== true || Worker === undefined || Blob === undefined || URL === undefined || typeof SharedArrayBuffer !== 'function') {
    return undefined;
  }
  return {
    kind: 'Web Worker over SharedArrayBuffer',
    mainCanWait: false,
    spawn(init: WorkerInit) {
      const source = `${WORKER_BUNDLE}\nself.onmessage = (e) => { self.onmessage = null; gapkitWorker.workerMain(e.data); };\n`;
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      const worker = new Worker(url);
      worker.postMessage(init);
      return {
        terminate() {
          worker.terminate();
          URL.revokeObjectURL(url);
        },
      };
    },
  };
}
