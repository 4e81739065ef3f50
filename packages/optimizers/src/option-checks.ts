/** Checks shared by the constructor and loadStateDict: option value kinds, and catching only library errors. */
import { OptimizerError } from './errors.js';
import { isSchedule } from './schedule.js';
import { describeValue } from './state-dict.js';

/** The message of the OptimizerError `f` throws (null when it does not throw); any other error propagates. */
export function libraryMessage(f: () => void): string | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof OptimizerError) return e.message;
    throw e;
  }
}

/**
 * Type problems of option values against the defaults' kinds (a boolean option must be a boolean, a
 * number option a number or a schedule, a text option a string, a null default a number or null), so
 * that `amsgrad: 'yes'` is an error rather than truthy.
 */
export function optionTypeProblems(options: Record<string, unknown>, defaults: object): string[] {
  const problems: string[] = [];
  const d: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(options)) {
    const want = d[k];
    const ok =
      typeof want === 'boolean'
        ? typeof v === 'boolean'
        : typeof want === 'number'
          ? typeof v === 'number' || isSchedule(v)
          : typeof want === 'string'
            ? typeof v === 'string'
            : want === null
              ? v === null || typeof v === 'number'
              : true;
    if (!ok) {
      const kind = typeof want === 'number' ? 'a number or a schedule' : want === null ? 'a number or null' : `a ${typeof want}`;
      problems.push(`${k} must be ${kind}, got ${describeValue(v)}`);
    }
  }
  return problems;
}
