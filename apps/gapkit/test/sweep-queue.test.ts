/**
 * A distributed sweep on a real Redis (loopback only): two `gapkit worker`s share a runs folder, one is
 * killed with SIGKILL while it trains; its job is retried by the other, which resumes the run from its
 * last checkpoint. Every run's result arrives exactly once and is bit-identical to the same sweep run
 * by the local pool; the NaN runs fail once each and are not retried.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { command as sweepCommand } from '../src/commands/sweep.js';
import { expandSweep } from '../src/sweep/expand-sweep.js';
import { QUEUE_NAME } from '../src/sweep/queue-connection.js';
import type { RunOutcome } from '../src/sweep/run-outcome.js';
import { readSweepFile } from '../src/sweep/sweep-file.js';
import { startRedis, type TestRedis } from './redis-server.js';
import { type Cli, gapkit, writeTinySweep } from './sweep-helpers.js';

const STEPS = 120;
const root = mkdtempSync(join(tmpdir(), 'gapkit-sweep-queue-'));
let redis: TestRedis;
const started: Cli[] = [];

beforeAll(async () => {
  redis = await startRedis();
}, 120_000);
afterAll(async () => {
  for (const c of started) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
  await redis?.stop();
  rmSync(root, { recursive: true, force: true });
});

function results(dir: string, sub: 'results' | 'failed'): Map<string, RunOutcome> {
  const d = join(dir, sub);
  const out = new Map<string, RunOutcome>();
  for (const f of readdirSync(d)) {
    const o = JSON.parse(readFileSync(join(d, f), 'utf8')) as RunOutcome;
    out.set(o.key, o);
  }
  return out;
}

const newestCheckpoint = (dir: string) =>
  existsSync(dir) ? Math.max(0, ...readdirSync(dir).map((f) => /^ckpt-(\d+)\.json$/.exec(f)).filter((m) => m !== null).map((m) => Number(m[1]))) : 0;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, ms: number, ok: () => boolean): Promise<void> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function statusOf(args: string[]): Promise<string> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((s: string) => {
    lines.push(s);
  });
  try {
    expect(await sweepCommand.run(args)).toBe(0);
  } finally {
    log.mockRestore();
  }
  return lines.join('\n');
}

describe('gapkit sweep --queue with two gapkit workers', () => {
  it('a worker killed mid-run: every result arrives once, equal to the local sweep, bit for bit', async () => {
    const file = writeTinySweep(root, STEPS);
    const runs = expandSweep(readSweepFile(file));
    const nan = new Set(runs.filter((r) => r.point === 'lr=1e+30').map((r) => r.key));
    expect(runs).toHaveLength(6);
    expect(nan.size).toBe(2);

    const localDir = join(root, 'local');
    const local = gapkit(['sweep', file, '--out', localDir, '--workers', '2']);
    started.push(local);
    expect((await local.exited).code, local.output()).toBe(1); // the two NaN runs fail
    const firstResults = JSON.stringify([...results(localDir, 'results')].sort());

    // Again: the finished runs are skipped (their results untouched), the failed ones tried once more.
    const again = gapkit(['sweep', file, '--out', localDir, '--workers', '2']);
    started.push(again);
    expect((await again.exited).code).toBe(1);
    expect(again.output()).toContain('4 of 6 runs already finished; skipping them');
    expect(again.output().split('\n').filter((l) => /^\[\d+\/6\]/.test(l)).map((l) => l.slice(0, 6))).toEqual(['[5/6] ', '[6/6] ']);
    expect(JSON.stringify([...results(localDir, 'results')].sort())).toBe(firstResults);
    expect(await statusOf([file, '--out', localDir, '--status'])).toMatch(/6 runs — 4 done, 0 running, 2 failed, 0 waiting/);

    const shared = join(root, 'shared-runs');
    const current: { key: string; pid: number }[] = [];
    const workerArgs = ['worker', '--queue', redis.url, '--runs-dir', shared, '--concurrency', '1', '--lock-duration', '2000', '--stalled-interval', '1000'];
    const workers = [0, 1].map((i) =>
      gapkit(workerArgs, (line) => {
        const m = /took (\w+) .* training in process (\d+)/.exec(line);
        if (m) current[i] = { key: m[1], pid: Number(m[2]) };
      }),
    );
    started.push(...workers);
    await until('both workers to be ready', 60_000, () => workers.every((w) => w.output().includes('waiting for runs')));

    const distDir = join(root, 'dist');
    const owner = gapkit(['sweep', file, '--queue', redis.url, '--out', distDir]);
    started.push(owner);

    // Kill the worker training a good run that has a checkpoint and is far from done.
    let victim = -1;
    await until('a worker mid-run with a checkpoint', 60_000, () => {
      victim = current.findIndex((c) => c && !nan.has(c.key) && !existsSync(join(shared, c.key, 'result.json')) && newestCheckpoint(join(shared, c.key)) >= 5 && newestCheckpoint(join(shared, c.key)) <= STEPS - 40);
      return victim >= 0;
    });
    const killed = { ...current[victim] };
    workers[victim].child.kill('SIGKILL');
    expect((await workers[victim].exited).signal).toBe('SIGKILL');
    await until('the killed worker\'s training process to end (no orphan)', 5_000, () => !alive(killed.pid));

    const ownerExit = await owner.exited;
    expect(ownerExit.code, owner.output()).toBe(1); // the NaN runs
    const survivor = workers[1 - victim];
    survivor.child.kill('SIGTERM');
    expect((await survivor.exited).code).toBe(0);

    // Exactly once: one progress line per run, one result per good run, one failure per NaN run.
    const progressLines = owner.output().split('\n').filter((l) => /^\[\d+\/6\]/.test(l));
    expect(progressLines).toHaveLength(6);
    for (const r of runs) expect(progressLines.filter((l) => l.includes(`${r.point} seed ${r.seed}:`))).toHaveLength(1);
    const dist = results(distDir, 'results');
    const localResults = results(localDir, 'results');
    expect([...dist.keys()].sort()).toEqual(runs.filter((r) => !nan.has(r.key)).map((r) => r.key).sort());
    expect([...localResults.keys()].sort()).toEqual([...dist.keys()].sort());
    expect([...results(distDir, 'failed').keys()].sort()).toEqual([...nan].sort());

    // Bit-identical final metrics and curves (JSON round-trips doubles exactly).
    for (const [key, d] of dist) {
      const l = localResults.get(key);
      expect(JSON.stringify(d.metrics), key).toBe(JSON.stringify(l?.metrics));
      expect(JSON.stringify(d.curves), key).toBe(JSON.stringify(l?.curves));
      expect(d.steps).toBe(STEPS);
    }
    // The same aggregate: sweep.md's tables (mean ± std per grid point, each seed) agree line for line.
    const tables = (dir: string) => readFileSync(join(dir, 'sweep.md'), 'utf8').split('\n').filter((l) => l.startsWith('|'));
    expect(tables(distDir)).toEqual(tables(localDir));
    expect(tables(distDir)).toContain('| lr=1e+30 | 0 (of 2) | — | — | — |');
    for (const f of ['accuracy.png', 'trainLoss.png', 'accuracy.vl.json']) expect(existsSync(join(distDir, f)), f).toBe(true);

    // The killed run resumed from its checkpoint in the shared folder, on the other worker.
    const resumed = dist.get(killed.key);
    expect(resumed?.resumedFrom).toBeGreaterThanOrEqual(5);
    expect(survivor.output()).toContain(`took ${killed.key}`);

    // --status, from the queue: 4 done, 2 failed, nothing running.
    const status = await statusOf([file, '--queue', redis.url, '--out', distDir, '--status']);
    expect(status).toMatch(/6 runs — 4 done, 0 running, 2 failed, 0 waiting; ETA 0:00/);

    // On the queue: each NaN job failed after one attempt (UnrecoverableError), not retried.
    const queue = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: Number(new URL(redis.url).port) } });
    try {
      for (const key of nan) {
        const job = await queue.getJob(key);
        expect(await job?.getState()).toBe('failed');
        expect(job?.attemptsMade).toBe(1);
        expect(job?.failedReason).toMatch(/loss became NaN/);
      }
      expect(await queue.getJobCounts('completed')).toEqual({ completed: 4 });
    } finally {
      await queue.close();
    }
  }, 300_000);
});
