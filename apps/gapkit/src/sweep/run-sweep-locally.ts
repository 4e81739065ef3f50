/**
 * Running a sweep on this machine's local pool and writing its `sweep.md`: what `gapkit sweep FILE`
 * does without `--queue`, and what `gapkit experiment` does for each of an experiment's sweeps.
 * Finished runs are skipped, interrupted ones resume.
 */
import { join } from 'node:path';
import { type RunSpec, expandSweep } from './expand-sweep.js';
import { defaultWorkers, runLocalPool } from './local-pool.js';
import type { RunOutcome } from './run-outcome.js';
import type { SweepFile } from './sweep-file.js';
import { SweepFolder } from './sweep-folder.js';
import { SweepProgress } from './sweep-progress.js';
import { writeSweepReport } from './sweep-report.js';
import { seedRounds } from './seed-rounds.js';

export interface LocalSweepOptions {
  /** The sweep's folder. */
  readonly out: string;
  /** Local worker processes (default one per core). */
  readonly workers?: number;
  /** Folder holding `<dataset>/`. */
  readonly dataDir: string;
  readonly say: (line: string) => void;
}

export interface SweepResults {
  readonly sweep: SweepFile;
  readonly folder: SweepFolder;
  readonly runs: readonly RunSpec[];
  /** Finished runs by key. */
  readonly results: ReadonlyMap<string, RunOutcome>;
  readonly failures: ReadonlyMap<string, RunOutcome>;
}

/** Saves an outcome under this sweep's grid labels; a result made for another sweep with the same config (same key) is relabelled. */
export function outcomeSaver(runs: readonly RunSpec[], folder: SweepFolder, progress: SweepProgress): (o: RunOutcome) => void {
  const byKey = new Map(runs.map((r) => [r.key, r]));
  return (r) => {
    const spec = byKey.get(r.key);
    const o = spec ? { ...r, point: spec.point, seed: spec.seed } : r;
    if (folder.save(o)) progress.report(o);
  };
}

/**
 * What a sweep's folder holds now — finished and failed runs — without running anything or writing to
 * the folder (safe while another process is still running the sweep). A folder that does not exist
 * yet reads as no run finished.
 */
export function readSweepResults(sweep: SweepFile, out: string): SweepResults {
  const runs = expandSweep(sweep);
  const folder = new SweepFolder(out);
  return { sweep, folder, runs, results: folder.results(), failures: folder.failures() };
}

/** Runs every unfinished run of `sweep` on the local pool, then writes `sweep.md` and its plots. */
export async function runSweepLocally(sweep: SweepFile, o: LocalSweepOptions): Promise<SweepResults> {
  const runs = expandSweep(sweep);
  const folder = new SweepFolder(o.out);
  folder.init(sweep, runs);
  folder.clearFailures();
  const done = folder.results();
  const todo = seedRounds(runs.filter((r) => !done.has(r.key)));
  const progress = new SweepProgress(runs.length, runs.length - todo.length, sweep.metrics, o.say);
  if (todo.length < runs.length) o.say(`sweep ${sweep.name}: ${runs.length - todo.length} of ${runs.length} runs already finished; skipping them`);
  if (todo.length > 0) {
    const workers = o.workers ?? defaultWorkers();
    o.say(`sweep ${sweep.name}: ${todo.length} runs on ${Math.min(workers, todo.length)} local worker processes (one-thread backend each), run folders in ${folder.runsDir}`);
    await runLocalPool(todo, { runsDir: folder.runsDir, dataDir: o.dataDir }, workers, outcomeSaver(runs, folder, progress));
  }
  const results = folder.results();
  const failures = folder.failures();
  await writeSweepReport(folder.dir, sweep, runs, results, failures);
  o.say(`wrote ${join(folder.dir, 'sweep.md')}`);
  return { sweep, folder, runs, results, failures };
}
