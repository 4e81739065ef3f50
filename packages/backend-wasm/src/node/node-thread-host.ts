/** The Node thread host: a `worker_threads` Worker evaluating the bundled worker program, `unref`'d. */
import { Worker } from 'node:worker_threads';
import type { ThreadHost, WorkerInit } from '../threaded/thread-host.js';
import { WORKER_BUNDLE } from '../threaded/worker-bundle.generated.js';

export const nodeThreadHost: ThreadHost = {
  kind: 'Node worker_threads',
  mainCanWait: true,
  spawn(init: WorkerInit) {
    const source = `"use strict";\n${WORKER_BUNDLE}\ngapkitWorker.workerMain(require('node:worker_threads').workerData);\n`;
    const worker = new Worker(source, { eval: true, workerData: init });
    worker.unref();
    return {
      terminate() {
        void worker.terminate();
      },
    };
  },
};
