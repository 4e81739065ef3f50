/**
 * Training one sweep run in this process, in its folder `<runsDir>/<key>`: a folder with `result.json`
 * is finished (its result is returned, nothing trains); one with a step checkpoint resumes from the
 * newest (the trainer's exact resume); anything else starts over. The result is written atomically
 * last, so a run killed at any moment is either finished or resumable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { listStepCheckpoints } from '../train/checkpoint-files.js';
import { runTraining } from '../train/run-training.js';
import { DEFAULT_DATA_DIR } from '../train/train-flags.js';
import type { RunSpec } from './expand-sweep.js';
import { failedOutcome, finalMetrics, type RunOutcome } from './run-outcome.js';

export const RESULT_FILE = 'result.json';

export interface RunPlace {
  /** The folder holding one folder per run key. */
  readonly runsDir: string;
  /** Where data sets live (`<dataDir>/<dataset>/`). */
  readonly dataDir?: string;
}

export function readResult(runDir: string): RunOutcome | null {
  const p = join(runDir, RESULT_FILE);
  if (!existsSync(p)) return null;
  const r = JSON.parse(readFileSync(p, 'utf8')) as RunOutcome;
  return r.status === 'done' ? r : null;
}

export async function runOne(spec: RunSpec, place: RunPlace): Promise<RunOutcome> {
  const dir = join(place.runsDir, spec.key);
  const by = `${hostname()}:${process.pid}`;
  const finished = readResult(dir);
  if (finished) return finished;
  const newest = existsSync(dir) ? listStepCheckpoints(dir).at(-1) : undefined;
  const resumedFrom = newest?.step ?? 0;
  const t0 = performance.now();
  try {
    const r = await runTraining({
      input: spec.input,
      where: `run ${spec.key} (${spec.point}, seed ${spec.seed})`,
      out: dir,
      resume: newest !== undefined,
      force: newest === undefined,
      dataDir: place.dataDir ?? DEFAULT_DATA_DIR,
      quiet: true,
    });
    const seconds = (performance.now() - t0) / 1000;
    const outcome: RunOutcome = { key: spec.key, point: spec.point, seed: spec.seed, status: 'done', ...finalMetrics(r.records), seconds, resumedFrom, by };
    writeFileAtomic(join(dir, RESULT_FILE), `${JSON.stringify(outcome)}\n`);
    return outcome;
  } catch (e) {
    return failedOutcome(spec, e instanceof Error ? e.message : String(e), (performance.now() - t0) / 1000, by);
  }
}
