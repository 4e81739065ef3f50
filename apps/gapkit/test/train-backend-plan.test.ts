/**
 * `--backend auto` records its kernel × size-class plan in the run folder, and `--resume` replays it,
 * so the second half of a run is served by exactly the kernels of the first (auto's timing never
 * changes a run's numerics halfway).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { command } from '../src/commands/train.js';
import { BACKEND_PLAN_FILE } from '../src/train/backend-plan.js';
import { TINY_DIGITS } from './train-helpers.js';

const root = mkdtempSync(join(tmpdir(), 'gapkit-plan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(args: readonly string[]): Promise<string> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    expect(await command.run(args)).toBe(0);
  } finally {
    log.mockRestore();
  }
  return lines.join('\n');
}

it('auto writes its plan beside the checkpoints and --resume replays it unchanged', async () => {
  const out = join(root, 'r');
  const base = TINY_DIGITS.filter((a) => a !== '--quiet');
  await run([...base, '--backend', 'auto', '--optimizer', 'adam', '--max-steps', '4', '--checkpoint-every', '2', '--out', out]);
  const file = join(out, BACKEND_PLAN_FILE);
  expect(existsSync(file)).toBe(true);
  const plan = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const keys = Object.keys(plan);
  expect(keys.length).toBeGreaterThan(0);
  for (const k of keys) expect(k).toMatch(/^(matmul|conv2d|conv2dBackpropInput|conv2dBackpropFilter):/);
  for (const v of Object.values(plan)) expect(['cpu', 'wasm', 'wasm-2t']).toContain(v);
  const resumed = await run([...base, '--backend', 'auto', '--optimizer', 'adam', '--max-steps', '8', '--checkpoint-every', '2', '--resume', out]);
  expect(resumed).toMatch(new RegExp(`replaying the recorded plan \\(${keys.length} size classes\\)`));
  // Same shapes, same size classes: nothing was timed again, so the plan is the same.
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(plan);
});
