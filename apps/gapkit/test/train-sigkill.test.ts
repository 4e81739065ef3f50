/**
 * A training child process killed with SIGKILL mid-epoch resumes from its last checkpoint, and ends
 * with exactly the weights of an uninterrupted run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { command } from '../src/commands/train.js';
import { newestCheckpointBytes, runQuiet } from './train-helpers.js';

const root = mkdtempSync(join(tmpdir(), 'gapkit-sigkill-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const app = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(app, '..', '..', 'node_modules', '.bin', 'tsx');

// 1,000 digits, batch 50 → 20 steps per epoch; checkpoints every 7 steps fall mid-epoch.
const ARGS = ['--model', 'mlp', '--model-opt', 'hidden=[128]', '--dataset', 'digits', '--train-size', '1000', '--batch-size', '50', '--optimizer', 'adam', '--augment', '--epochs', '30', '--max-steps', '100', '--checkpoint-every', '7', '--backend', 'cpu', '--quiet'];

function stepCheckpoints(dir: string): number[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => /^ckpt-(\d+)\.json$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
}

describe('SIGKILL mid-run', () => {
  it('resumes from the last checkpoint and ends with the uninterrupted weights', async () => {
    const killed = join(root, 'killed');
    const child = spawn(tsx, ['--conditions=source', join(app, 'src', 'cli.ts'), 'train', ...ARGS, '--out', killed], { stdio: 'ignore' });
    let running = true;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.on('exit', (code, signal) => {
        running = false;
        resolve({ code, signal });
      });
      child.on('error', (e) => {
        running = false;
        reject(e);
      });
    });
    const deadline = Date.now() + 120_000;
    while (running && Math.max(0, ...stepCheckpoints(killed)) < 14 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    const end = await exited;
    expect(end.signal, 'the child must still be training when killed').toBe('SIGKILL');
    const last = Math.max(...stepCheckpoints(killed));
    expect(last).toBeGreaterThanOrEqual(14);
    expect(last).toBeLessThan(100);
    expect(last % 20, 'the newest checkpoint is mid-epoch').not.toBe(0);

    expect((await runQuiet(command, ['--resume', killed, '--quiet'])).error).toBeNull();
    const straight = join(root, 'straight');
    expect((await runQuiet(command, [...ARGS, '--out', straight])).error).toBeNull();
    expect(newestCheckpointBytes(killed).equals(newestCheckpointBytes(straight))).toBe(true);
  }, 240_000);
});
