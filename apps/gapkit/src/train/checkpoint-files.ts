/**
 * Adapter: "write a checkpoint". A checkpoint is two files written atomically — `<name>.safetensors`
 * (every tensor, float32, by `@gapkit/safetensors`) then `<name>.json` (the rest; written last, so a
 * checkpoint without its JSON is never read).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFloat32Safetensors, encodeFloat32Safetensors } from '@gapkit/safetensors';
import type { CheckpointMeta, CheckpointState, NamedTensor } from '@gapkit/trainer';
import { writeFileAtomic } from '../io/atomic-write.js';

/** Writes `<dir>/<name>.safetensors` then `<dir>/<name>.json`; returns the safetensors path. */
export function writeCheckpoint(dir: string, name: string, c: CheckpointState): string {
  const st = join(dir, `${name}.safetensors`);
  writeFileAtomic(st, encodeFloat32Safetensors(c.tensors, { format: 'pt', writer: 'gapkit', step: String(c.meta.step), configHash: c.meta.configHash }));
  writeFileAtomic(join(dir, `${name}.json`), `${JSON.stringify(c.meta, null, 1)}\n`);
  return st;
}

export function readCheckpoint(dir: string, name: string): CheckpointState {
  const json = join(dir, `${name}.json`);
  const st = join(dir, `${name}.safetensors`);
  if (!existsSync(json) || !existsSync(st)) throw new Error(`checkpoint '${name}' in ${dir} is incomplete (expected ${name}.json and ${name}.safetensors)`);
  const meta = JSON.parse(readFileSync(json, 'utf8')) as CheckpointMeta;
  const tensors: Record<string, NamedTensor> = decodeFloat32Safetensors(readFileSync(st), st).tensors;
  return { meta, tensors };
}

const STEP_CKPT = /^ckpt-(\d+)\.json$/;

/** Step checkpoints in `dir`, oldest first, only those whose both files exist. */
export function listStepCheckpoints(dir: string): { name: string; step: number }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => STEP_CKPT.exec(f))
    .filter((m): m is RegExpExecArray => m !== null && existsSync(join(dir, `ckpt-${m[1]}.safetensors`)))
    .map((m) => ({ name: `ckpt-${m[1]}`, step: Number(m[1]) }))
    .sort((a, b) => a.step - b.step);
}

export function stepCheckpointName(step: number): string {
  return `ckpt-${String(step).padStart(8, '0')}`;
}

/** Deletes all but the newest `keep` step checkpoints. */
export function pruneCheckpoints(dir: string, keep: number): void {
  const all = listStepCheckpoints(dir);
  for (const c of all.slice(0, Math.max(0, all.length - keep))) {
    rmSync(join(dir, `${c.name}.json`), { force: true });
    rmSync(join(dir, `${c.name}.safetensors`), { force: true });
  }
}
