/**
 * A sweep worker process (forked by `child-runner.ts`, for the local pool and for `gapkit worker`):
 * takes one run at a time over IPC, trains it in this process on its one-thread backend, and sends
 * back the outcome. Training blocks this thread, so a tiny watchdog thread ends the process when its
 * parent is gone (even after a SIGKILL of the parent): no orphan keeps writing into a run folder that
 * a retry is resuming.
 */
import { Worker } from 'node:worker_threads';
import type { RunSpec } from './expand-sweep.js';
import { type RunPlace, runOne } from './run-one.js';

export interface PoolRequest {
  readonly spec: RunSpec;
  readonly place: RunPlace;
}

const WATCHDOG = `
const parent = ${process.ppid};
setInterval(() => { if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL'); }, 200);
`;
new Worker(WATCHDOG, { eval: true }).unref();

process.on('message', (msg: PoolRequest) => {
  void runOne(msg.spec, msg.place).then((outcome) => process.send?.(outcome));
});
process.on('disconnect', () => process.exit(0));
