/**
 * The gapkit revisions the finished runs of an experiment were trained at, as each run's `config.yaml`
 * records them (`provenance.gitRevision`, written by `gapkit train`). A report built later with
 * `--report-only`, or after a rebase, names these beside the commit that built the report.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { SweepResults } from '../sweep/run-sweep-locally.js';

/** Short revision (7 characters, and the uncommitted-changes mark if any) → number of finished runs. */
export function runRevisions(sweeps: readonly SweepResults[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sweeps) {
    for (const run of s.runs) {
      if (!s.results.has(run.key)) continue;
      const file = join(s.folder.runsDir, run.key, 'config.yaml');
      const rev = existsSync(file) ? revisionIn(readFileSync(file, 'utf8')) : undefined;
      const short = rev === undefined ? 'unknown' : rev.replace(/^([0-9a-f]{7})[0-9a-f]*/, '$1');
      out.set(short, (out.get(short) ?? 0) + 1);
    }
  }
  return out;
}

function revisionIn(text: string): string | undefined {
  const doc = parse(text) as { provenance?: { gitRevision?: unknown } } | null;
  const rev = doc?.provenance?.gitRevision;
  return typeof rev === 'string' && rev.length > 0 ? rev : undefined;
}

/** `6ddbfab (18 runs)`, or `6ddbfab (12 runs), 9a7a8d4 (6 runs)`. */
export function formatRevisions(revs: ReadonlyMap<string, number>): string {
  return [...revs].map(([r, n]) => `${r} (${n} run${n === 1 ? '' : 's'})`).join(', ');
}
