/**
 * `gapkit worker`'s engine: a BullMQ worker that takes sweep runs from the queue and trains each in a
 * worker process of its own (`child-runner.ts`), so this process's event loop stays free to renew the
 * job locks. Run folders go to `runsDir`: when it is shared, a job retried after its worker died
 * resumes from the run's last checkpoint; when not, it starts over. A run that fails for a real reason
 * (NaN, bad config, missing data) throws `UnrecoverableError`: failed once, never retried.
 */
import { UnrecoverableError, Worker } from 'bullmq';
import { ChildRunner, DIED } from './child-runner.js';
import { connectionOptions, QUEUE_NAME, type QueueAddress } from './queue-connection.js';
import type { RunJobData } from './queue-owner.js';
import type { RunPlace } from './run-one.js';
import type { RunOutcome } from './run-outcome.js';

export interface QueueWorkerOptions {
  readonly concurrency: number;
  /** BullMQ lock duration (ms): a job whose worker stops renewing it this long is stalled. */
  readonly lockDuration: number;
  /** How often (ms) workers look for stalled jobs. */
  readonly stalledInterval: number;
  readonly log: (line: string) => void;
}

/** How often one job may stall (its worker died) before it fails. */
export const MAX_STALLED = 3;

export function startQueueWorker(a: QueueAddress, place: RunPlace, o: QueueWorkerOptions): Worker<RunJobData, RunOutcome> {
  const idle: ChildRunner[] = Array.from({ length: o.concurrency }, () => new ChildRunner());
  const all = new Set(idle);
  const worker = new Worker<RunJobData, RunOutcome>(
    QUEUE_NAME,
    async (job) => {
      const { spec } = job.data;
      const runner = idle.pop() ?? new ChildRunner();
      all.add(runner);
      const pid = runner.start();
      const again = job.stalledCounter > 0 ? `, again after its worker died (${job.stalledCounter}×)` : '';
      o.log(`took ${spec.key} (${spec.point}, seed ${spec.seed}) from sweep ${job.data.sweep}${again}, training in process ${pid}`);
      try {
        const out = await runner.run(spec, place);
        if (out.status === 'done') {
          o.log(`done ${spec.key} in ${out.seconds.toFixed(1)} s${out.resumedFrom > 0 ? ` (resumed at step ${out.resumedFrom})` : ''}`);
          return out;
        }
        o.log(`failed ${spec.key}: ${out.error}`);
        if (out.error?.startsWith(DIED)) throw new Error(out.error);
        throw new UnrecoverableError(out.error);
      } finally {
        idle.push(runner);
      }
    },
    { connection: connectionOptions(a), concurrency: o.concurrency, lockDuration: o.lockDuration, stalledInterval: o.stalledInterval, maxStalledCount: MAX_STALLED },
  );
  // Stopping: runs in progress end now; their jobs go back to the queue when their locks run out.
  worker.on('closed', () => {
    for (const r of all) r.terminate();
  });
  return worker;
}
