/**
 * Parsing a case: the zod schema (src/schema/case.ts) with errors that name the file and the field.
 */
import { CaseError, caseErrorOf } from './case-error.js';
import { type Case, caseSchema } from './schema/case.js';

/** Validates and normalizes a case object; `file` is used in messages. The input is not changed. */
export function parseCase(json: unknown, file: string): Case {
  const r = caseSchema.safeParse(json, { reportInput: true });
  if (!r.success) throw caseErrorOf(file, r.error);
  return { ...r.data, file };
}

/** Parses the text of a case file. */
export function parseCaseText(text: string, file: string): Case {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CaseError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  return parseCase(json, file);
}
