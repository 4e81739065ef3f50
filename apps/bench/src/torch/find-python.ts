/**
 * Finds a Python with `torch` for the `torch` engines: `/usr/bin/python3` (Debian's `python3-torch`)
 * first, then `python3` on the PATH, which may be another interpreter. Never installs anything.
 */
import { spawnSync } from 'node:child_process';

/** Interpreters tried, in order. */
export const PYTHON_CANDIDATES = ['/usr/bin/python3', 'python3'] as const;

let found: { python: string; version: string } | { reason: string } | null = null;

/** The first candidate that imports torch, with its version, or why none does (looked up once per process). */
export function findTorchPython(): { python: string; version: string } | { reason: string } {
  found ??= search();
  return found;
}

function search(): { python: string; version: string } | { reason: string } {
  const why: string[] = [];
  for (const python of PYTHON_CANDIDATES) {
    const r = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8', timeout: 120_000 });
    if (r.error) {
      why.push(`${python}: ${r.error.message}`);
      continue;
    }
    if (r.status === 0) return { python, version: r.stdout.trim() };
    const last = r.stderr.trim().split('\n').at(-1) ?? `exit status ${r.status}`;
    why.push(`${python}: ${last}`);
  }
  return { reason: `no Python with torch (${why.join('; ')}); the bench never installs it (Debian: apt-get install python3-torch)` };
}
