/**
 * Float32 subnormals (0 < |x| < 2^−126 ≈ 1.18e−38) in a run's last checkpoint, per tensor: weights
 * (`model.*`) and optimizer state (`optim.*`, e.g. Adam's moments). Arithmetic on subnormals is many
 * times slower on x86 CPUs unless they are flushed to zero, so a training run that drives weights or
 * moments there slows down (the PyTorch reference runs of the LAWN recipe hit this with coupled L2).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFloat32Safetensors } from '@gapkit/safetensors';

const MIN_NORMAL = 2 ** -126;

export interface SubnormalCount {
  /** The checkpoint file read. */
  readonly file: string;
  readonly total: number;
  readonly elements: number;
  /** Tensors with at least one subnormal: name → count (and its size). */
  readonly byTensor: Readonly<Record<string, { readonly count: number; readonly size: number }>>;
}

/** Subnormals of one Float32Array. */
export function countSubnormalsIn(data: Float32Array): number {
  let n = 0;
  for (let i = 0; i < data.length; i++) {
    const a = Math.abs(data[i]);
    if (a > 0 && a < MIN_NORMAL) n++;
  }
  return n;
}

/** @returns null when the folder holds no `ckpt-*.safetensors`. */
export function countSubnormalsInLastCheckpoint(runDir: string): SubnormalCount | null {
  const ckpts = readdirSync(runDir)
    .filter((f) => /^ckpt-\d+\.safetensors$/.test(f))
    .sort();
  const last = ckpts.at(-1);
  if (last === undefined) return null;
  const file = join(runDir, last);
  const { tensors } = decodeFloat32Safetensors(readFileSync(file), file);
  const byTensor: Record<string, { count: number; size: number }> = {};
  let total = 0;
  let elements = 0;
  for (const [name, t] of Object.entries(tensors)) {
    const count = countSubnormalsIn(t.data);
    elements += t.data.length;
    total += count;
    if (count > 0) byTensor[name] = { count, size: t.data.length };
  }
  return { file, total, elements, byTensor };
}
