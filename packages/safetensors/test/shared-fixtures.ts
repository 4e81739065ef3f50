/** Locating `../shared/fixtures/safetensors` beside the repo; null (after printing why) when absent. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures/safetensors');

export function fixturesDir(): string | null {
  if (existsSync(FIXTURES)) return FIXTURES;
  console.warn(`[skip] safetensors fixtures ${FIXTURES} not found — the reference-file tests are skipped (the shared folder sits beside the repo)`);
  return null;
}
