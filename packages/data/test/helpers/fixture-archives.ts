/**
 * Small archives for the download tests, built with the system `tar` and `zip` programs (an
 * implementation independent of ours). `archiveTools()` says which are missing so tests can skip with a
 * reason.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Names of missing archive programs (empty when `tar` and `zip` both run). */
export function missingArchiveTools(): string[] {
  const missing: string[] = [];
  for (const [tool, arg] of [
    ['tar', '--version'],
    ['zip', '-v'],
  ]) {
    try {
      execFileSync(tool, [arg], { stdio: 'ignore' });
    } catch {
      missing.push(tool);
    }
  }
  return missing;
}

/** Runs `tar` in `cwd` with the given arguments. */
export function tar(cwd: string, args: string[]): void {
  execFileSync('tar', args, { cwd, stdio: 'ignore' });
}

/** Runs `zip` in `cwd` with the given arguments. */
export function zip(cwd: string, args: string[]): void {
  execFileSync('zip', ['-q', ...args], { cwd, stdio: 'ignore' });
}

/** Hex digest of a file. */
export function digest(path: string, algorithm: 'md5' | 'sha256'): string {
  return createHash(algorithm).update(readFileSync(path)).digest('hex');
}
