/**
 * Errors about a case name the file and the field path, e.g.
 * `adam.json: field 'param_groups[0].lr[3]' must be a number, got "x"`.
 */
import type { z } from 'zod';

/** A malformed case, or one the runner cannot build: names the file and the field. */
export class CaseError extends Error {
  override name = 'CaseError';
}

/** `param_groups[0].lr[3]`, `grads[2].fc.bias`, `(root)` for the empty path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** A value for a message, cut to 60 characters. */
function show(x: unknown): string {
  if (x === undefined) return 'nothing';
  const s = JSON.stringify(x);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

type Issue = z.core.$ZodIssue & { input?: unknown };

/** zod's own messages start like this; a message from the schema (src/schema/*) is used as it is. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized|Expected)/;

/** Of a union's failed branches, the issue that got furthest into the value (the most specific). */
function deepest(branches: readonly (readonly Issue[])[]): Issue | undefined {
  let best: Issue | undefined;
  for (const b of branches) for (const iss of b) if (!best || iss.path.length > best.path.length) best = iss;
  return best && best.path.length > 0 ? best : undefined;
}

/** `field '<path>' <what is wrong>` for one zod issue. */
export function describeIssue(iss: Issue): string {
  let path: PropertyKey[] = [...iss.path];
  let message: string;
  if (iss.code === 'invalid_union' && !('discriminator' in iss)) {
    const inner = deepest(iss.errors as Issue[][]);
    if (inner) return describeIssue({ ...inner, path: [...iss.path, ...inner.path] } as Issue);
  }
  if (!ZOD_DEFAULT.test(iss.message) && iss.code !== 'unrecognized_keys' && iss.code !== 'invalid_union') return `field '${fieldPath(path)}' ${iss.message}`;
  switch (iss.code) {
    case 'invalid_type':
      message = iss.input === undefined ? `is missing (expected ${article(iss.expected)})` : `must be ${article(iss.expected)}, got ${show(iss.input)}`;
      break;
    case 'invalid_value':
      message = `must be ${iss.values.length === 1 ? show(iss.values[0]) : `one of ${iss.values.map(show).join(', ')}`}, got ${show(iss.input)}`;
      break;
    case 'unrecognized_keys':
      path = [...path, iss.keys[0]];
      message = iss.message.startsWith('Unrecognized') ? 'is not a known key here' : iss.message;
      if (iss.keys.length > 1) message += ` (also unknown: ${iss.keys.slice(1).join(', ')})`;
      break;
    case 'too_small':
      message =
        iss.origin === 'array'
          ? `must hold at least ${iss.minimum} entries, got ${Array.isArray(iss.input) ? iss.input.length : show(iss.input)}`
          : `must be ${iss.inclusive ? '≥' : '>'} ${iss.minimum}, got ${show(iss.input)}`;
      break;
    case 'too_big':
      message = `must be ${iss.inclusive ? '≤' : '<'} ${iss.maximum}, got ${show(iss.input)}`;
      break;
    case 'invalid_union':
      if ('discriminator' in iss && typeof iss.discriminator === 'string') {
        const input = iss.input as Record<string, unknown> | undefined;
        message = `${show(input?.[iss.discriminator])} ${iss.message}`;
        if (path.at(-1) !== iss.discriminator) path = [...path, iss.discriminator];
      } else message = `does not match any allowed form, got ${show(iss.input)}`;
      break;
    default:
      message = iss.message;
  }
  return `field '${fieldPath(path)}' ${message}`;
}

/** One CaseError for a failed parse: the first issue, and how many more there are. */
export function caseErrorOf(file: string, error: z.ZodError): CaseError {
  const [first, ...rest] = error.issues;
  const more = rest.length > 0 ? ` (and ${rest.length} more: ${rest.slice(0, 2).map(describeIssue).join('; ')}${rest.length > 2 ? '; …' : ''})` : '';
  return new CaseError(`${file}: ${describeIssue(first)}${more}`);
}
