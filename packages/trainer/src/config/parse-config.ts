/**
 * Parsing a config object (from YAML, JSON or flags) strictly: an unknown key is an error naming it
 * with the closest valid key; a bad value names the field, the expected form and what came.
 */
import { describeUnknown } from '@gapkit/autodiff';
import type { z } from 'zod';
import { type TrainConfig, trainConfigSchema } from './train-config.js';

/** A config that does not parse; `message` lists every problem. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function shapeAt(path: readonly PropertyKey[]): readonly string[] {
  let s: z.ZodType = trainConfigSchema;
  for (const k of path) {
    const inner = unwrap(s);
    const shape = 'shape' in inner ? (inner.shape as Record<string, z.ZodType>) : undefined;
    if (!shape || typeof k !== 'string' || !(k in shape)) return [];
    s = shape[k];
  }
  const inner = unwrap(s);
  return 'shape' in inner ? Object.keys(inner.shape as object) : [];
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let i = 0; i < 5; i++) {
    const def = cur.def as { innerType?: z.ZodType };
    if (!def.innerType) break;
    cur = def.innerType;
  }
  return cur;
}

/** Parses and fills defaults; throws a {@link ConfigError} naming every problem. `where` names the source (a file, or "flags"). */
export function parseTrainConfig(raw: unknown, where: string): TrainConfig {
  const r = trainConfigSchema.safeParse(raw);
  if (r.success) return r.data;
  const lines = r.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const allowed = shapeAt(issue.path);
      const keys = issue.keys.map((k) => describeUnknown(k, allowed)).join(', ');
      return `${path ? `${path}: ` : ''}unknown key ${keys}; valid keys: ${allowed.join(', ')}`;
    }
    const got = valueAt(raw, issue.path);
    return `${path || '(root)'}: ${issue.message}${got === undefined ? ' (missing)' : `, got ${JSON.stringify(got)}`}`;
  });
  throw new ConfigError(`${where}: ${lines.join('; ')}`);
}
