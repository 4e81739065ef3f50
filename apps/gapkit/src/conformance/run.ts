/**
 * Running cases: collect `.json` files from files and folders, run each, and format one line per case.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CaseError, type ConformanceCase, parseCase } from './case.js';
import { runClosedLoop } from './closed-loop.js';
import type { FieldErrors } from './compare.js';
import { runReplay } from './replay.js';

/** The outcome of one case. */
export interface CaseResult {
  file: string;
  name: string;
  passed: boolean;
  /** Worst error as a fraction of the tolerance, with its field and location (Infinity on an error). */
  worst: { field: string; fraction: number; where: string };
  /** Per-field worst fractions. */
  fields: Record<string, number>;
  /** Set when the case could not be run (malformed case, unknown name, optimizer error). */
  error?: string;
}

/** Every `.json` file named, or found (sorted, recursively) in a named folder. */
export function collectCaseFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) throw new CaseError(`${p}: no such file or folder`);
    if (st.isDirectory()) {
      const entries = readdirSync(p).sort();
      out.push(...collectCaseFiles(entries.filter((e) => e.endsWith('.json') || statSync(join(p, e)).isDirectory()).map((e) => join(p, e))));
    } else out.push(p);
  }
  return out;
}

/** Reads and parses a case file. */
export function loadCase(file: string): ConformanceCase {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CaseError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  return parseCase(json, file);
}

/** Runs a parsed case. */
export function runCase(c: ConformanceCase): CaseResult {
  let errors: FieldErrors;
  try {
    errors = c.kind === 'replay' ? runReplay(c) : runClosedLoop(c);
  } catch (e) {
    return failed(c.file, c.name, (e as Error).message);
  }
  const fields: Record<string, number> = {};
  for (const [f, v] of errors.worst) fields[f] = v.fraction;
  const worst = errors.overall();
  return { file: c.file, name: c.name, passed: errors.worst.size > 0 && !(worst.fraction > 1) && Number.isFinite(worst.fraction), worst, fields };
}

/** Loads and runs a case file, turning any error into a failed result. */
export function runCaseFile(file: string): CaseResult {
  let c: ConformanceCase;
  try {
    c = loadCase(file);
  } catch (e) {
    return failed(file, file, (e as Error).message);
  }
  return runCase(c);
}

function failed(file: string, name: string, error: string): CaseResult {
  return { file, name, passed: false, worst: { field: '-', fraction: Number.POSITIVE_INFINITY, where: '' }, fields: {}, error };
}

/** One line: name, pass/fail, worst error as a fraction of the tolerance (and where). */
export function formatResult(r: CaseResult): string {
  const status = r.passed ? 'pass' : 'FAIL';
  if (r.error) return `${r.name}  ${status}  error: ${r.error}`;
  const per = Object.entries(r.fields)
    .map(([f, v]) => `${f} ${v.toFixed(4)}`)
    .join(', ');
  return `${r.name}  ${status}  worst ${r.worst.fraction.toFixed(4)} of tolerance (${r.worst.field}, ${r.worst.where}; ${per})`;
}
