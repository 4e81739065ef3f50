/**
 * How the registry describes one hyperparameter: its symbol in the paper, what it does, its kind and
 * range (or choices), its default and where that default comes from, and its name in the conformance
 * case format (`hyper` keys of the reference code, e.g. `partial` for Padam's p, `betas[0]` for β₁).
 */
import { show } from '../errors.js';
import type { Bound } from '../validate.js';
import type { ScheduleSpec } from '../schedule.js';

/** Any value an option may hold. */
export type HyperValue = number | ScheduleSpec | boolean | string | readonly string[] | null;

/** The name a conformance case uses for a hyperparameter: `hyper[key]`, or `hyper[key][index]` for a pair. */
export interface ReferenceName {
  readonly key: string;
  readonly index?: number;
  /** For a choice whose reference spelling differs: gapkit value → reference value. */
  readonly values?: Readonly<Record<string, string>>;
}

/** Fields every hyperparameter has. */
interface HyperCommon {
  /** The paper's symbol (e.g. `β₁`, `p`, `α^v`), or the option name when the paper has none. */
  readonly symbol: string;
  readonly description: string;
  /** Where the default comes from: paper section, authors' code file, or gapkit's own choice. */
  readonly source: string;
  /** The conformance format's name, when a case can set it. */
  readonly reference?: ReferenceName;
}

/** A number; `schedulable` ones may also be a `ScheduleSpec`. */
export interface NumberSpec extends HyperCommon {
  readonly kind: 'number';
  readonly min: Bound;
  readonly max: Bound;
  readonly integer?: boolean;
  readonly schedulable: boolean;
  /** null is allowed and means "derived" (e.g. AdaBound's η_init: the group's lr at construction). */
  readonly nullable?: boolean;
  /** The default when a conformance case leaves the key out (the reference code's class default), if it differs. */
  readonly referenceDefault?: number;
}

export interface BooleanSpec extends HyperCommon {
  readonly kind: 'boolean';
  readonly referenceDefault?: boolean;
}

export interface ChoiceSpec extends HyperCommon {
  readonly kind: 'choice';
  readonly choices: readonly string[];
  readonly referenceDefault?: string;
}

/** Free text (e.g. a tag name); optional, no default. */
export interface TextSpec extends HyperCommon {
  readonly kind: 'text';
}

/** A list of parameter names; optional, no default. */
export interface NamesSpec extends HyperCommon {
  readonly kind: 'names';
}

/** What a file writes for each option: everything but the key, the scope and the default. */
export type HyperSpec = NumberSpec | BooleanSpec | ChoiceSpec | TextSpec | NamesSpec;

/** Per-group hyperparameters live in each group's `options`; optimizer-wide ones are set once. */
export type HyperScope = 'group' | 'optimizer';

/** One hyperparameter as the registry lists it. */
export type HyperParameter = HyperSpec & {
  readonly key: string;
  readonly scope: HyperScope;
  /** The default (undefined for optional settings without one, e.g. LAWN's `freeSteps`). */
  readonly default: HyperValue | undefined;
};

/** A spec for every key of `O`, no more (the compiler catches a forgotten or a stray option). */
export type HyperTable<O> = { readonly [K in keyof O]-?: HyperSpec };

/** The keys of an object literal type (the one place that widens Object.keys' string[]). */
export function keysOf<T extends object>(o: T): Array<keyof T & string> {
  return Object.keys(o) as Array<keyof T & string>;
}

/** Lists `table` with each default read from `defaults` (the file's defaults constant: written once). */
export function hyperParameters<O extends object>(
  scope: HyperScope,
  table: HyperTable<O>,
  defaults: { readonly [K in keyof O]?: HyperValue },
): HyperParameter[] {
  return keysOf(table).map((key): HyperParameter => {
    const spec: HyperSpec = table[key];
    return { ...spec, key, scope, default: defaults[key] };
  });
}

function inBounds(x: number, lo: Bound, hi: Bound): boolean {
  return (lo.open ? x > lo.value : x >= lo.value) && (hi.open ? x < hi.value : x <= hi.value);
}

/** Why `value` is not allowed for `h` (null when it is). Schedules are only checked for being objects. */
export function hyperProblem(h: HyperParameter, value: unknown): string | null {
  switch (h.kind) {
    case 'number':
      if (typeof value === 'object' && value !== null && h.schedulable && 'kind' in value) return null;
      if (value === null && h.nullable) return null;
      if (typeof value !== 'number' || Number.isNaN(value) || !inBounds(value, h.min, h.max)) {
        const hi = h.max.value === Number.POSITIVE_INFINITY ? '∞)' : `${h.max.value}${h.max.open ? ')' : ']'}`;
        return `${h.key} (${h.symbol}) must be a number in ${h.min.open ? '(' : '['}${h.min.value}, ${hi}, got ${show(value)}`;
      }
      if (h.integer && !Number.isInteger(value)) return `${h.key} (${h.symbol}) must be an integer, got ${show(value)}`;
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${h.key} (${h.symbol}) must be true or false, got ${show(value)}`;
    case 'choice':
      return typeof value === 'string' && h.choices.includes(value)
        ? null
        : `${h.key} (${h.symbol}) must be one of ${h.choices.map((c) => `'${c}'`).join(', ')}, got ${show(value)}`;
    case 'text':
      return typeof value === 'string' ? null : `${h.key} must be a string, got ${show(value)}`;
    case 'names':
      return Array.isArray(value) && value.every((x) => typeof x === 'string') ? null : `${h.key} must be a list of parameter names, got ${show(value)}`;
  }
}
