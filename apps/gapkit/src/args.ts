/**
 * A small, strict option parser for gapkit commands: `--name value`, `--name=value`, `--flag`.
 * Unknown options and malformed values are UsageErrors that name the option, what was expected
 * and what came.
 */
import { UsageError } from './command.js';

export type OptionSpec =
  | { readonly kind: 'flag' }
  | { readonly kind: 'string'; readonly default?: string; readonly choices?: readonly string[] }
  | { readonly kind: 'int'; readonly default?: number; readonly min?: number; readonly max?: number }
  | { readonly kind: 'number'; readonly default?: number; readonly min?: number; readonly max?: number }
  | { readonly kind: 'list'; readonly default?: readonly string[]; readonly choices?: readonly string[] };

export type OptionValue<S extends OptionSpec> = S extends { kind: 'flag' }
  ? boolean
  : S extends { kind: 'string'; default: string }
    ? string
    : S extends { kind: 'string' }
      ? string | undefined
      : S extends { kind: 'int' | 'number'; default: number }
        ? number
        : S extends { kind: 'int' | 'number' }
          ? number | undefined
          : S extends { kind: 'list'; default: readonly string[] }
            ? readonly string[]
            : readonly string[] | undefined;

export interface Parsed<T extends Record<string, OptionSpec>> {
  readonly options: { [K in keyof T]: OptionValue<T[K]> };
  readonly positionals: readonly string[];
}

export function parseArgs<T extends Record<string, OptionSpec>>(args: readonly string[], specs: T): Parsed<T> {
  const raw = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const key = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    const spec = specs[key];
    if (!spec) throw new UsageError(`unknown option --${key} (known: ${Object.keys(specs).map((k) => `--${k}`).join(', ')})`);
    if (spec.kind === 'flag') {
      if (eq >= 0) throw new UsageError(`--${key} is a flag and takes no value, got '${a.slice(eq + 1)}'`);
      raw.set(key, true);
    } else if (eq >= 0) raw.set(key, a.slice(eq + 1));
    else {
      const v = args[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`--${key} needs a value`);
      raw.set(key, v);
      i++;
    }
  }
  const options: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) options[key] = convert(key, spec, raw.get(key));
  return { options: options as Parsed<T>['options'], positionals };
}

function convert(key: string, spec: OptionSpec, v: string | true | undefined): unknown {
  switch (spec.kind) {
    case 'flag':
      return v === true;
    case 'string':
      if (v === undefined) return spec.default;
      if (spec.choices && !spec.choices.includes(v as string)) {
        throw new UsageError(`--${key} must be one of ${spec.choices.join(', ')}, got '${v}'`);
      }
      return v;
    case 'list': {
      if (v === undefined) return spec.default;
      const items = (v as string).split(',').map((s) => s.trim()).filter((s) => s.length > 0);
      if (items.length === 0) throw new UsageError(`--${key} needs a comma-separated list, got '${v}'`);
      for (const item of items) {
        if (spec.choices && !spec.choices.includes(item)) {
          throw new UsageError(`--${key}: '${item}' is not one of ${spec.choices.join(', ')}`);
        }
      }
      return items;
    }
    case 'int':
    case 'number': {
      if (v === undefined) return spec.default;
      const n = Number(v);
      const what = spec.kind === 'int' ? 'an integer' : 'a number';
      if (v === '' || !Number.isFinite(n) || (spec.kind === 'int' && !Number.isInteger(n))) {
        throw new UsageError(`--${key} must be ${what}, got '${v}'`);
      }
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
        throw new UsageError(`--${key} must be ${what} in [${spec.min ?? '-∞'}, ${spec.max ?? '∞'}], got ${n}`);
      }
      return n;
    }
  }
}
