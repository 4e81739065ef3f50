/**
 * `--set PATH=VALUE` (and `--epochs N`): the same change to the base config of every sweep of an
 * experiment, e.g. `--epochs 300` for the paper's length. Values are YAML (`3e-3`, `true`, `[1,2]`).
 */
import { parse } from 'yaml';
import { UsageError } from '../command.js';
import type { SweepFile } from '../sweep/sweep-file.js';

export interface Override {
  readonly path: string;
  readonly value: unknown;
}

export function parseOverride(text: string): Override {
  const eq = text.indexOf('=');
  const path = eq < 0 ? '' : text.slice(0, eq);
  if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(path)) throw new UsageError(`--set: expected PATH=VALUE with a dotted config path (e.g. epochs=300, optimizer.options.lr=1e-3), got '${text}'`);
  let value: unknown;
  try {
    value = parse(text.slice(eq + 1));
  } catch (e) {
    throw new UsageError(`--set ${path}: the value is not YAML (${(e as Error).message})`);
  }
  if (path === 'seed') throw new UsageError('--set seed: an experiment\'s seeds are its sweep files\' `seeds:` lists');
  return { path, value };
}

/** The sweep with each override written into its base config (axes still win over the base). */
export function overrideSweep(sweep: SweepFile, overrides: readonly Override[]): SweepFile {
  if (overrides.length === 0) return sweep;
  const base = structuredClone(sweep.base);
  for (const { path, value } of overrides) {
    const parts = path.split('.');
    let cur: Record<string, unknown> = base;
    for (const k of parts.slice(0, -1)) {
      const next = cur[k];
      if (next === undefined) cur[k] = {};
      else if (typeof next !== 'object' || next === null || Array.isArray(next)) throw new UsageError(`--set ${path}: '${k}' is not a section of sweep ${sweep.name}'s base config`);
      cur = cur[k] as Record<string, unknown>;
    }
    cur[parts[parts.length - 1]] = value;
  }
  return { ...sweep, base };
}
