/**
 * The sweep owner's side of a distributed sweep: each run not yet finished becomes a BullMQ job whose
 * id is the run key (adding an id that exists is a no-op, so re-running a sweep never enqueues a run
 * twice), then the owner waits for the jobs and takes each result from its return value — no shared
 * disk needed. Each run key is reported once: completed with its result, or failed with its reason.
 */
import { type Job, Queue } from 'bullmq';
import type { RunSpec } from './expand-sweep.js';
import { connectionOptions, QUEUE_NAME, type QueueAddress } from './queue-connection.js';
import { failedOutcome, type RunOutcome } from './run-outcome.js';

export interface RunJobData {
  readonly sweep: string;
  readonly spec: RunSpec;
}

/**
 * Job options: a job whose worker died (stalled, or its training process died) is tried again, a
 * deterministic failure (NaN, bad config) is thrown as UnrecoverableError and fails at once. Finished
 * jobs stay in Redis, so their results can be collected by a later owner.
 */
export const JOB_OPTIONS = { attempts: 3, removeOnComplete: false, removeOnFail: false } as const;

export function openQueue(a: QueueAddress): Queue<RunJobData, RunOutcome> {
  return new Queue<RunJobData, RunOutcome>(QUEUE_NAME, { connection: connectionOptions(a) });
}

/** Adds the jobs (failed ones from an earlier attempt are retried: the user asked again). */
export async function enqueueRuns(queue: Queue<RunJobData, RunOutcome>, sweep: string, runs: readonly RunSpec[]): Promise<{ added: number; existing: number }> {
  let added = 0;
  let existing = 0;
  for (const spec of runs) {
    const job = await queue.getJob(spec.key);
    if (!job) {
      await queue.add('train', { sweep, spec }, { ...JOB_OPTIONS, jobId: spec.key });
      added++;
      continue;
    }
    existing++;
    if ((await job.getState()) === 'failed') await job.retry('failed');
  }
  return { added, existing };
}

async function outcomeOf(job: Job<RunJobData, RunOutcome> | undefined, spec: RunSpec): Promise<RunOutcome | null> {
  if (!job) return failedOutcome(spec, `job ${spec.key} is no longer on the queue (removed by someone?)`, 0, 'queue');
  const state = await job.getState();
  if (state === 'completed') return job.returnvalue;
  if (state === 'failed') return failedOutcome(spec, job.failedReason || 'failed', 0, 'queue');
  return null;
}

/** Waits until every run's job has finished, calling `onOutcome` once per run key. */
export async function awaitRuns(queue: Queue<RunJobData, RunOutcome>, runs: readonly RunSpec[], onOutcome: (o: RunOutcome) => void, pollMs = 500): Promise<void> {
  const pending = new Map(runs.map((r) => [r.key, r]));
  while (pending.size > 0) {
    for (const [key, spec] of [...pending]) {
      const o = await outcomeOf(await queue.getJob(key), spec);
      if (!o) continue;
      pending.delete(key);
      onOutcome(o);
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** How many of `runs` are being trained right now (for `--status`). */
export async function activeKeys(queue: Queue<RunJobData, RunOutcome>, runs: readonly RunSpec[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const r of runs) {
    const job = await queue.getJob(r.key);
    if (job && (await job.getState()) === 'active') out.add(r.key);
  }
  return out;
}
