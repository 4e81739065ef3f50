/**
 * A local sweep killed with SIGKILL mid-run: its worker processes end with it (no orphan finishes the
 * run behind its back), and running the sweep again resumes the interrupted run from its last
 * checkpoint and skips nothing else twice.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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

/**
 * Pids of the sweep worker processes (`pool-child`) whose parent is `ppid` (Linux /proc). Other children
 * (tsx's esbuild service, a `git` call) come and go and are not workers.
 */
function workersOf(ppid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const worker = readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('pool-child');
      if (worker && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === ppid) out.push(Number(d));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('gapkit sweep, local, interrupted', () => {
  it('SIGKILL mid-run, then the same command resumes the run from its checkpoint', async () => {
    const file = writeTinySweep(root, STEPS, [0.1]); // 2 runs: one lr × 2 seeds
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
    const pool = workersOf(first.child.pid ?? -1);
    expect(pool).toHaveLength(1); // --workers 1
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    // The worker process notices its parent is gone (a watchdog thread polls every 200 ms) and ends.
    const t1 = Date.now();
    while (pool.some(alive)) {
      if (Date.now() - t1 > 10_000) throw new Error(`worker process ${pool.join(', ')} outlived the killed sweep`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const dir = join(runsDir, victim);
    const size = () => (existsSync(join(dir, 'metrics.jsonl')) ? statSync(join(dir, 'metrics.jsonl')).size : 0); // none before the first logged step
    const before = size();
    await new Promise((r) => setTimeout(r, 1000));
    expect(existsSync(join(dir, 'result.json')), 'the run finished after the sweep was killed').toBe(false);
    expect(size()).toBe(before);
    const at = newestCheckpoint(dir);

    const second = gapkit(['sweep', file, '--out', out, '--workers', '1']);
    started.push(second);
    expect((await second.exited).code, second.output()).toBe(0);
    const resumedLines = second.output().split('\n').filter((l) => l.includes('resumed at step'));
    expect(resumedLines).toHaveLength(1);
    expect(resumedLines[0]).toContain(`resumed at step ${at}`);
    const results = readdirSync(join(out, 'results'));
    expect(results).toHaveLength(2);
    expect(results).toContain(`${victim}.json`);
  }, 300_000);
});
