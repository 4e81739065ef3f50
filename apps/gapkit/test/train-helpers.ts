/** Running `gapkit train` in-process, quietly, for the trainer's CLI tests. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { Command } from '../src/command.js';
import { UsageError } from '../src/command.js';

/** Runs a command with console and stderr silenced; returns its exit code or the error it threw. */
export async function runQuiet(command: Command, args: readonly string[]): Promise<{ code: number | null; error: Error | null }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await command.run(args), error: null };
  } catch (e) {
    if (e instanceof UsageError || e instanceof Error) return { code: null, error: e };
    throw e;
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

/** Small, fast settings on the embedded digits: 200 images, batch 20 → 10 steps per epoch. */
export const TINY_DIGITS = ['--model', 'mlp', '--model-opt', 'hidden=[16]', '--dataset', 'digits', '--train-size', '200', '--batch-size', '20', '--backend', 'cpu', '--quiet'];

/** Every file of a folder with its bytes (for "nothing changed" checks). */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isFile()) out[f] = `${statSync(p).mtimeMs}:${readFileSync(p).toString('base64')}`;
  }
  return out;
}

/** The newest step checkpoint's safetensors bytes. */
export function newestCheckpointBytes(dir: string): Buffer {
  const names = readdirSync(dir).filter((f) => /^ckpt-\d+\.safetensors$/.test(f)).sort();
  const last = names.at(-1);
  if (!last) throw new Error(`no checkpoint in ${dir}`);
  return readFileSync(join(dir, last));
}
