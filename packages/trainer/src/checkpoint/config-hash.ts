/**
 * The identity of a run: what must match for a checkpoint to continue it (model, data, optimizer,
 * schedule, head, batch size, seed). Lengths (epochs, max steps), logging, evaluation and checkpoint
 * cadence, and the backend may change on resume. The hash is FNV-1a (32 bit) over canonical JSON.
 */
import type { TrainConfig } from '../config/train-config.js';

export type RunIdentity = Pick<TrainConfig, 'model' | 'dataset' | 'optimizer' | 'schedule' | 'head' | 'batchSize' | 'seed'>;

export function runIdentity(c: TrainConfig): RunIdentity {
  return { model: c.model, dataset: c.dataset, optimizer: c.optimizer, schedule: c.schedule, head: c.head, batchSize: c.batchSize, seed: c.seed };
}

/** JSON with object keys sorted at every level. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export function configHash(c: TrainConfig): string {
  const s = canonicalJson(runIdentity(c));
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Every leaf path where two identities differ, as `path: saved → now` (for the mismatch error). */
export function identityDifferences(saved: unknown, now: unknown, path = ''): string[] {
  if (canonicalJson(saved) === canonicalJson(now)) return [];
  const isObj = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
  if (isObj(saved) && isObj(now)) {
    const keys = [...new Set([...Object.keys(saved), ...Object.keys(now)])].sort();
    return keys.flatMap((k) => identityDifferences(saved[k], now[k], path ? `${path}.${k}` : k));
  }
  return [`${path}: checkpoint has ${canonicalJson(saved) ?? 'nothing'}, this run has ${canonicalJson(now) ?? 'nothing'}`];
}
