/**
 * The public cases in the sibling `shared/conformance` folder (beside the repository). Tests that
 * need them skip with a printed reason when it is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_CASES = fileURLToPath(new URL('../../../../shared/conformance', import.meta.url));
export const hasSharedCases = existsSync(SHARED_CASES);

/** Why a test that needs the public cases is skipped (printed once per file that asks). */
export function skipReason(what: string): string | undefined {
  if (hasSharedCases) return undefined;
  const reason = `${what}: skipped: ${SHARED_CASES} is absent (the sibling shared/ folder is not checked out)`;
  console.log(reason);
  return reason;
}

/** The `.json` case files of the public folder, sorted. */
export function sharedCaseFiles(): string[] {
  return hasSharedCases
    ? readdirSync(SHARED_CASES)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => join(SHARED_CASES, f))
    : [];
}

/** A public case as raw JSON. */
export function readSharedCase(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SHARED_CASES, file), 'utf8')) as Record<string, unknown>;
}
