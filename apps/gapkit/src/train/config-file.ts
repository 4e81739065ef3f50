/** Reading a run config (YAML or JSON, by content) and writing the resolved one as YAML. */
import { existsSync, readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { UsageError } from '../command.js';

export function readConfigFile(path: string): Record<string, unknown> {
  if (!existsSync(path)) throw new UsageError(`--config: no such file '${path}'`);
  const text = readFileSync(path, 'utf8');
  let v: unknown;
  try {
    v = parse(text);
  } catch (e) {
    throw new UsageError(`--config ${path}: not valid YAML or JSON: ${(e as Error).message}`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new UsageError(`--config ${path}: expected a mapping of settings, got ${Array.isArray(v) ? 'a list' : JSON.stringify(v)}`);
  return v as Record<string, unknown>;
}

export function configYaml(config: object, comment: string): string {
  return `# ${comment}\n${stringify(config, { lineWidth: 0 })}`;
}

/** The data folder a saved config.yaml was trained from (so `--resume`, `--config` and `eval` find the data again). */
export function savedDataDir(config: Record<string, unknown>): string | undefined {
  const p = config.provenance;
  if (typeof p !== 'object' || p === null) return undefined;
  const d: unknown = Reflect.get(p, 'dataDir');
  return typeof d === 'string' ? d : undefined;
}
