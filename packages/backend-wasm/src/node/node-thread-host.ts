/** The Node thread host: a `worker_threads` Worker evaluating the bundled worker program, `unref`'d. */
import { Worker } from 'node:worker_threads';
import type { ThreadHost, WorkerInit } from '../threaded/thread-host.js';
import { WORKER_BUNDLE } from '../threaded/worker-bundle.generated.js';

export const nodeThreadHost: ThreadHost = {
  kind: 'Node worker_threads',
  mainCanWait: true,
  spawn(init: WorkerInit) {
    // The eval'd source may run as CommonJS or, when the process was started with --input-type=module,
    // as an ES module: `process.getBuiltinModule` works in both, `require` only in the first.
    const source = `"use strict";\n${WORKER_BUNDLE}\ngapkitWorker.workerMain(process.getBuiltinModule('node:worker_threads').workerData);\n`;
    const worker = new Worker(source, { eval: true, workerData: init });
    worker.unref();
    let failure: string | undefined;
    // A worker that fails to start must not take the process down: the main thread then runs every unit.
    worker.on('error', (e: Error) => {
      failure = e.message;
    });
    return {
      terminate() {
        void worker.terminate();
      },
      failure: () => failure,
    };
  },
};
