/**
 * Local sweeps: a pool of worker processes (`child-runner.ts`), by default one per core
 * (`os.availableParallelism()`), each training one run at a time on a one-thread backend. A run whose
 * process died is given once more to a fresh process, where it resumes from its last checkpoint.
 */
import { availableParallelism } from 'node:os';
import { ChildRunner, DIED } from './child-runner.js';
import type { RunSpec } from './expand-sweep.js';
import type { RunPlace } from './run-one.js';
import type { RunOutcome } from './run-outcome.js';

export function defaultWorkers(): number {
  return availableParallelism();
}

export async function runLocalPool(runs: readonly RunSpec[], place: RunPlace, workers: number, onOutcome: (o: RunOutcome) => void): Promise<void> {
  const queue = runs.map((spec) => ({ spec, tries: 0 }));
  const runners = Array.from({ length: Math.max(1, Math.min(workers, runs.length)) }, () => new ChildRunner());
  const lane = async (r: ChildRunner) => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const o = await r.run(job.spec, place);
      job.tries++;
      if (o.status === 'failed' && o.error?.startsWith(DIED) && job.tries < 2) queue.push(job);
      else onOutcome(o);
    }
  };
  try {
    await Promise.all(runners.map(lane));
  } finally {
    for (const r of runners) r.close();
  }
}
