/**
 * Adapter: "write a checkpoint". A checkpoint is two files written atomically — `<name>.safetensors`
 * (every tensor, float32, little-endian) then `<name>.json` (the rest; written last, so a checkpoint
 * without its JSON is never read). Until `@gapkit/safetensors` lands on this branch, the few lines of
 * the format (8-byte little-endian header length, JSON header, data) are written here.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckpointMeta, CheckpointState, NamedTensor } from '@gapkit/trainer';
import { writeFileAtomic } from '../io/atomic-write.js';

export function encodeFloat32Safetensors(tensors: Record<string, NamedTensor>): Uint8Array {
  const names = Object.keys(tensors).sort();
  const header: Record<string, unknown> = { __metadata__: { format: 'pt', writer: 'gapkit' } };
  let offset = 0;
  for (const n of names) {
    const t = tensors[n];
    header[n] = { dtype: 'F32', shape: [...t.shape], data_offsets: [offset, offset + t.data.byteLength] };
    offset += t.data.byteLength;
  }
  let json = JSON.stringify(header);
  while ((8 + Buffer.byteLength(json)) % 8 !== 0) json += ' ';
  const head = Buffer.from(json, 'utf8');
  const out = new Uint8Array(8 + head.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const n of names) {
    const d = tensors[n].data;
    out.set(new Uint8Array(d.buffer, d.byteOffset, d.byteLength), at);
    at += d.byteLength;
  }
  return out;
}

export function decodeFloat32Safetensors(bytes: Uint8Array, file: string): Record<string, NamedTensor> {
  if (bytes.length < 8) throw new Error(`${file}: not a safetensors file (${bytes.length} bytes, expected at least 8)`);
  const n = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
  if (8 + n > bytes.length) throw new Error(`${file}: header length ${n} exceeds the file (${bytes.length} bytes)`);
  const header = JSON.parse(Buffer.from(bytes.subarray(8, 8 + n)).toString('utf8')) as Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>;
  const base = 8 + n;
  const out: Record<string, NamedTensor> = {};
  for (const [name, h] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    if (h.dtype !== 'F32') throw new Error(`${file}: tensor '${name}' has dtype ${h.dtype}, expected F32`);
    const [s, e] = h.data_offsets;
    const count = h.shape.reduce((a, b) => a * b, 1);
    if (e - s !== count * 4 || base + e > bytes.length) throw new Error(`${file}: tensor '${name}' offsets [${s}, ${e}] do not fit shape [${h.shape.join(', ')}]`);
    const data = new Float32Array(count);
    new Uint8Array(data.buffer).set(bytes.subarray(base + s, base + e));
    out[name] = { shape: h.shape, data };
  }
  return out;
}

/** Writes `<dir>/<name>.safetensors` then `<dir>/<name>.json`; returns the safetensors path. */
export function writeCheckpoint(dir: string, name: string, c: CheckpointState): string {
  const st = join(dir, `${name}.safetensors`);
  writeFileAtomic(st, encodeFloat32Safetensors(c.tensors));
  writeFileAtomic(join(dir, `${name}.json`), `${JSON.stringify(c.meta, null, 1)}\n`);
  return st;
}

export function readCheckpoint(dir: string, name: string): CheckpointState {
  const json = join(dir, `${name}.json`);
  const st = join(dir, `${name}.safetensors`);
  if (!existsSync(json) || !existsSync(st)) throw new Error(`checkpoint '${name}' in ${dir} is incomplete (expected ${name}.json and ${name}.safetensors)`);
  const meta = JSON.parse(readFileSync(json, 'utf8')) as CheckpointMeta;
  return { meta, tensors: decodeFloat32Safetensors(readFileSync(st), st) };
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
