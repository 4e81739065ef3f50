/**
 * The one option parser of gapkit's apps (`gapkit <command>` and `pnpm bench`): Node's `util.parseArgs`
 * tokenizes (`--name value`, `--name=value`, `--flag`, `-h`, `--` ends the options), and this typed layer
 * checks each token against a spec table: unknown options name the closest valid one, malformed values
 * say what was expected and what came. Every problem is a {@link UsageError}; both apps print it with
 * their usage and exit with status 2.
 *
 * Imported by `apps/bench` as `@gapkit/cli/args` (this package's only export), so both apps share it
 * without a package of their own.
 */
import { parseArgs as tokenize } from 'node:util';
import { closestName } from '@gapkit/autodiff';
import { UsageError } from './command.js';

export { UsageError };

/** Fields every option kind may carry. */
interface CommonSpec {
  /** One-letter alias, e.g. `h` for `-h`. */
  readonly short?: string;
}

export type OptionSpec = CommonSpec &
  (
    | { readonly kind: 'flag' }
    | { readonly kind: 'string'; readonly default?: string; readonly choices?: readonly string[] }
    | { readonly kind: 'int'; readonly default?: number; readonly min?: number; readonly max?: number }
    | { readonly kind: 'number'; readonly default?: number; readonly min?: number; readonly max?: number }
    | { readonly kind: 'list'; readonly default?: readonly string[]; readonly choices?: readonly string[] }
  );

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

/** A word that starts with `-` but is a number (`-1`, `-0.5`, `-.5`, `-1e3`): a positional, not an option. */
const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

function hint(name: string, candidates: readonly string[], prefix = ''): string {
  const near = closestName(name, candidates);
  return near === undefined ? '' : ` (did you mean ${prefix}${near}?)`;
}

/**
 * Parses `args` (without the node binary, script and command name) against `specs`.
 * @throws UsageError naming the option, what was expected and what came.
 */
export function parseArgs<T extends Record<string, OptionSpec>>(args: readonly string[], specs: T): Parsed<T> {
  const names = Object.keys(specs);
  const nodeOptions: Record<string, { type: 'boolean' | 'string'; short?: string }> = {};
  for (const [key, spec] of Object.entries(specs)) {
    nodeOptions[key] = { type: spec.kind === 'flag' ? 'boolean' : 'string', ...(spec.short ? { short: spec.short } : {}) };
  }
  const { tokens } = tokenize({ args: [...args], options: nodeOptions, strict: false, allowPositionals: true, tokens: true });
  const raw = new Map<string, string | true>();
  const positionals: string[] = [];
  const numericIndices = new Set<number>();
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const word = args[token.index];
    if (!token.rawName.startsWith('--') && NEGATIVE_NUMBER.test(word)) {
      // `-12` is tokenized as the short options -1 -2 with one index: keep the word once, as a positional.
      if (!numericIndices.has(token.index)) positionals.push(word);
      numericIndices.add(token.index);
      continue;
    }
    const spec: OptionSpec | undefined = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    const isShort = !token.rawName.startsWith('--');
    if (spec === undefined || (isShort && spec.short !== token.rawName.slice(1))) {
      const known = names.map((k) => `--${k}`).join(', ');
      const near = isShort ? '' : hint(token.name, names, '--');
      throw new UsageError(`unknown option ${token.rawName}${near}; known: ${known || 'none'}`);
    }
    const key = token.name;
    if (spec.kind === 'flag') {
      if (token.value !== undefined) throw new UsageError(`--${key} is a flag and takes no value, got '${token.value}'`);
      raw.set(key, true);
      continue;
    }
    const v = token.value;
    if (v === undefined) throw new UsageError(`--${key} needs a value`);
    if (token.inlineValue === false && v.startsWith('--')) {
      throw new UsageError(`--${key} needs a value, got the option ${v} (write --${key}=${v} if that is the value)`);
    }
    raw.set(key, v);
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
        throw new UsageError(`--${key} must be one of ${spec.choices.join(', ')}, got '${v}'${hint(v as string, spec.choices)}`);
      }
      return v;
    case 'list': {
      if (v === undefined) return spec.default;
      const items = (v as string)
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      if (items.length === 0) throw new UsageError(`--${key} needs a comma-separated list, got '${v}'`);
      for (const item of items) {
        if (spec.choices && !spec.choices.includes(item)) {
          throw new UsageError(`--${key}: '${item}' is not one of ${spec.choices.join(', ')}${hint(item, spec.choices)}`);
        }
      }
      return items;
    }
    case 'int':
    case 'number': {
      if (v === undefined) return spec.default;
      const n = Number(v);
      const what = spec.kind === 'int' ? 'an integer' : 'a number';
      if (v === '' || (v as string).trim() === '' || !Number.isFinite(n) || (spec.kind === 'int' && !Number.isInteger(n))) {
        throw new UsageError(`--${key} must be ${what}, got '${v}'`);
      }
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
        throw new UsageError(`--${key} must be ${what} in [${spec.min ?? '-∞'}, ${spec.max ?? '∞'}], got ${n}`);
      }
      return n;
    }
  }
}
