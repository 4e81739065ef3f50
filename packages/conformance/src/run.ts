/**
 * Running cases and formatting one line per case. Browser-safe: reading files is the caller's
 * business (the `gapkit conformance` command reads files and folders).
 */
import { runClosedLoop } from './closed-loop.js';
import type { FieldErrors } from './compare.js';
import { parseCaseText } from './parse-case.js';
import { runReplay } from './replay.js';
import type { Case } from './schema/case.js';

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

/** Runs a parsed case. */
export function runCase(c: Case): CaseResult {
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

/** Parses and runs the text of a case file, turning any error into a failed result. */
export function runCaseText(text: string, file: string): CaseResult {
  let c: Case;
  try {
    c = parseCaseText(text, file);
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
