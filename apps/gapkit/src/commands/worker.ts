/**
 * `gapkit worker --queue redis://HOST:PORT --runs-dir DIR`: takes sweep runs from the BullMQ queue,
 * trains each in a worker process of its own, writes its run folder under DIR and returns its result
 * through the queue. Stops on SIGINT / SIGTERM after closing the queue connection (a job in progress
 * goes back to the queue when its lock runs out).
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from '../args.js';
import { type Command, UsageError } from '../command.js';
import { checkQueueReachable, parseQueueUrl } from '../sweep/queue-connection.js';
import { startQueueWorker } from '../sweep/queue-worker.js';
import { DEFAULT_DATA_DIR } from '../train/train-flags.js';

/** BullMQ's defaults: a job is stalled 30 s after its worker stopped renewing its lock. */
const LOCK_MS = 30_000;

const usage = `usage: gapkit worker --queue redis://HOST:PORT --runs-dir DIR [options]

Trains runs that \`gapkit sweep FILE --queue redis://HOST:PORT\` put on the queue, until stopped
(Ctrl-C). Each run trains in a worker process of its own on the run's one-thread backend, in
DIR/<run key>/; its final metrics and curves go back through the queue. Point DIR at a disk every
worker shares (NFS, …) and a run whose worker died resumes from its last checkpoint on another;
otherwise it starts over there.

options:
  --queue URL             the Redis that holds the queue (required)
  --runs-dir DIR          where run folders go (required)
  --concurrency N         runs at once (default: one per core, ${availableParallelism()} here)
  --data-dir DIR          folder holding <dataset>/ (default ${DEFAULT_DATA_DIR})
  --lock-duration MS      a job whose worker stops renewing its lock this long is retried (default ${LOCK_MS})
  --stalled-interval MS   how often to look for such jobs (default ${LOCK_MS})
  --quiet                 no log lines

example: pnpm gapkit worker --queue redis://10.0.0.5:6379 --runs-dir /mnt/shared/gapkit-runs`;

const SPECS = {
  queue: { kind: 'string' },
  'runs-dir': { kind: 'string' },
  concurrency: { kind: 'int', min: 1, max: 1024 },
  'data-dir': { kind: 'string', default: DEFAULT_DATA_DIR },
  'lock-duration': { kind: 'int', min: 500, default: LOCK_MS },
  'stalled-interval': { kind: 'int', min: 200, default: LOCK_MS },
  quiet: { kind: 'flag' },
} as const;

export const command: Command = {
  name: 'worker',
  summary: 'train sweep runs from a Redis queue (BullMQ) on this machine; results go back through the queue',
  usage,
  async run(args) {
    const { options: o, positionals } = parseArgs(args, SPECS);
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if (o.queue === undefined) throw new UsageError('--queue redis://HOST:PORT is required');
    if (o['runs-dir'] === undefined) throw new UsageError('--runs-dir DIR is required (where run folders go; shared by all workers for resume)');
    const address = parseQueueUrl(o.queue);
    await checkQueueReachable(address);
    const log = (s: string) => {
      if (!o.quiet) console.log(`worker ${process.pid}: ${s}`);
    };
    const worker = startQueueWorker(address, { runsDir: o['runs-dir'], dataDir: o['data-dir'] }, {
      concurrency: o.concurrency ?? availableParallelism(),
      lockDuration: o['lock-duration'],
      stalledInterval: o['stalled-interval'],
      log,
    });
    worker.on('error', (e) => console.error(`worker ${process.pid}: ${e.message}`));
    await worker.waitUntilReady();
    log(`waiting for runs on ${address.url}, run folders in ${o['runs-dir']}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    log('stopping');
    await worker.close(true);
    return 0;
  },
};
