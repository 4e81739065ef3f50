/**
 * A local sweep killed with SIGKILL mid-run: its worker processes end with it (no orphan finishes the
 * run behind its back), and running the sweep again resumes the interrupted run from its last
 * checkpoint and skips nothing else twice.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Cli, gapkit, writeTinySweep } from './sweep-helpers.js';

const STEPS = 120;
const root = mkdtempSync(join(tmpdir(), 'gapkit-sweep-local-'));
const started: Cli[] = [];
afterAll(() => {
  for (const c of started) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

const newestCheckpoint = (dir: string) =>
  existsSync(dir) ? Math.max(0, ...readdirSync(dir).map((f) => /^ckpt-(\d+)\.json$/.exec(f)).filter((m) => m !== null).map((m) => Number(m[1]))) : 0;

describe('gapkit sweep, local, interrupted', () => {
  it('SIGKILL mid-run, then the same command resumes the run from its checkpoint', async () => {
    const file = writeTinySweep(root, STEPS);
    const out = join(root, 'sweep');
    const runsDir = join(out, 'runs');
    const first = gapkit(['sweep', file, '--out', out, '--workers', '1']);
    started.push(first);
    let victim = '';
    const t0 = Date.now();
    while (!victim) {
      if (Date.now() - t0 > 90_000) throw new Error(`no run reached a checkpoint:\n${first.output()}`);
      const keys = existsSync(runsDir) ? readdirSync(runsDir) : [];
      victim = keys.find((k) => !existsSync(join(runsDir, k, 'result.json')) && newestCheckpoint(join(runsDir, k)) >= 5 && newestCheckpoint(join(runsDir, k)) <= STEPS - 40) ?? '';
      if (!victim) await new Promise((r) => setTimeout(r, 50));
    }
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const dir = join(runsDir, victim);
    const size = () => (existsSync(join(dir, 'metrics.jsonl')) ? statSync(join(dir, 'metrics.jsonl')).size : 0); // none before the first logged step
    const before = size();
    await new Promise((r) => setTimeout(r, 2000));
    expect(existsSync(join(dir, 'result.json')), 'an orphaned worker process finished the run').toBe(false);
    expect(size()).toBe(before);
    const at = newestCheckpoint(dir);

    const second = gapkit(['sweep', file, '--out', out, '--workers', '1']);
    started.push(second);
    expect((await second.exited).code, second.output()).toBe(1); // the NaN runs fail
    const resumedLines = second.output().split('\n').filter((l) => l.includes('resumed at step'));
    expect(resumedLines).toHaveLength(1);
    expect(resumedLines[0]).toContain(`resumed at step ${at}`);
    const results = readdirSync(join(out, 'results'));
    expect(results).toHaveLength(4);
    expect(results).toContain(`${victim}.json`);
  }, 300_000);
});
