/**
 * Locating the project's shared real data (a read-only folder beside the repo; docs/data.md#the-projects-real-test-data). Tests that need it skip
 * with a printed reason when it is absent; nothing here ever writes there.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared data folder beside the repository, resolved from this file (packages/data/test/helpers). */
export const SHARED_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/data');

/**
 * The path of `sub` inside the shared data folder, or null (after printing why) when it is missing.
 */
export function sharedPath(sub: string): string | null {
  const p = join(SHARED_DATA, sub);
  if (existsSync(p)) return p;
  console.warn(`[skip] shared data ${p} not found — tests reading it are skipped (the shared folder sits beside the repo)`);
  return null;
}
