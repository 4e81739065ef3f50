/**
 * Sweep files: expansion into runs keyed by the resolved config, and every kind of bad input named
 * before anything runs or is enqueued (no sweep folder appears).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { command as sweepCommand } from '../src/commands/sweep.js';
import { command as workerCommand } from '../src/commands/worker.js';
import { expandSweep } from '../src/sweep/expand-sweep.js';
import { parseQueueUrl } from '../src/sweep/queue-connection.js';
import { readSweepFile, SWEEP_DEFAULT_BACKEND } from '../src/sweep/sweep-file.js';
import { freePort } from './redis-server.js';
import { runQuiet } from './train-helpers.js';

const root = mkdtempSync(join(tmpdir(), 'gapkit-sweep-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const padamSweep = fileURLToPath(new URL('../sweeps/padam-p-digits.yaml', import.meta.url));

let n = 0;
function sweepFile(text: string): string {
  const f = join(root, `s${n++}.yaml`);
  writeFileSync(f, text);
  return f;
}

const BASE = 'base:\n  model: { name: mlp }\n  dataset: { name: digits }\n  optimizer: { name: padam }\n  maxSteps: 5\n';

function errorOf(text: string): string {
  try {
    expandSweep(readSweepFile(sweepFile(text)));
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the sweep file to be refused');
}

describe('sweep file → runs', () => {
  it('the repo sweep: 3 values of p × 3 seeds, distinct keys, one-thread backend', () => {
    const sweep = readSweepFile(padamSweep);
    const runs = expandSweep(sweep);
    expect(runs).toHaveLength(9);
    expect(new Set(runs.map((r) => r.key)).size).toBe(9);
    expect([...new Set(runs.map((r) => r.point))]).toEqual(['p=0.25', 'p=0.125', 'p=0.0625']);
    expect(runs.map((r) => r.seed)).toEqual([1, 2, 3, 1, 2, 3, 1, 2, 3]);
    expect(runs.map((r) => (r.input.optimizer as { options: { p: number } }).options.p)).toEqual([0.25, 0.25, 0.25, 0.125, 0.125, 0.125, 0.0625, 0.0625, 0.0625]);
    for (const r of runs) expect(r.input.backend).toBe(SWEEP_DEFAULT_BACKEND);
    expect(expandSweep(readSweepFile(padamSweep)).map((r) => r.key)).toEqual(runs.map((r) => r.key));
  });

  it('keys hash the resolved config: spelling out a default gives the same key, changing a value another', () => {
    const implicit = expandSweep(readSweepFile(sweepFile(`${BASE}seeds: [4]\n`)));
    const explicit = expandSweep(readSweepFile(sweepFile(`${BASE}axes:\n  optimizer.options.p: [0.125, 0.25]\nseeds: [4]\n`)));
    expect(explicit[0].key).toBe(implicit[0].key);
    expect(explicit[1].key).not.toBe(implicit[0].key);
  });

  it('an axis over whole optimizer presets, labelled by name and options', () => {
    const runs = expandSweep(readSweepFile(sweepFile(`${BASE}axes:\n  optimizer: [{ name: adam }, { name: padam, options: { p: 0.25 } }, { name: adam-lawn }]\nseeds: [1]\n`)));
    expect(runs.map((r) => r.point)).toEqual(['optimizer=adam', 'optimizer=padam{"p":0.25}', 'optimizer=adam-lawn']);
    expect(runs.map((r) => (r.input.optimizer as { name: string }).name)).toEqual(['adam', 'padam', 'adam-lawn']);
  });

  it('property: runs = product of the axes × seeds, every key distinct, every run carries its values', () => {
    const values = (min: number, max: number) => fc.uniqueArray(fc.integer({ min, max }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(values(1, 400), values(1, 64), fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 3 }), (lrMilli, batch, seeds) => {
        const lrs = lrMilli.map((v) => v / 1000);
        const runs = expandSweep(readSweepFile(sweepFile(`${BASE}axes:\n  optimizer.options.lr: ${JSON.stringify(lrs)}\n  batchSize: ${JSON.stringify(batch)}\nseeds: ${JSON.stringify(seeds)}\n`)));
        expect(runs).toHaveLength(lrs.length * batch.length * seeds.length);
        expect(new Set(runs.map((r) => r.key)).size).toBe(runs.length);
        for (const r of runs) {
          expect(lrs).toContain((r.input.optimizer as { options: { lr: number } }).options.lr);
          expect(batch).toContain(r.input.batchSize);
          expect(seeds).toContain(r.seed);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('bad sweep files are named, with the closest valid name', () => {
  it('an unknown top-level key', () => {
    expect(errorOf(`${BASE}axis:\n  optimizer.options.p: [0.25]\n`)).toMatch(/unknown key 'axis' \(did you mean 'axes'\?\)/);
  });
  it('an axis over a hyperparameter the optimizer does not have', () => {
    const m = errorOf(`${BASE}axes:\n  optimizer.options.betta1: [0.9, 0.5]\n`);
    expect(m).toContain('optimizer.options.betta1');
    expect(m).toMatch(/optimizer 'padam' hyperparameters: unknown key 'betta1' \(did you mean 'beta1'\?\)/);
  });
  it('an axis whose path is not a config section', () => {
    expect(errorOf(`${BASE}axes:\n  optimiser.options.p: [0.25]\n`)).toMatch(/unknown key 'optimiser' \(did you mean 'optimizer'\?\)/);
  });
  it('an axis value out of range names the field', () => {
    expect(errorOf(`${BASE}axes:\n  batchSize: [32, 0]\n`)).toMatch(/batchSize = 0.*batchSize must be an integer in \[1, 1048576\]/);
  });
  it('an unknown metric, a repeated seed, a seed in the base, an empty axis', () => {
    expect(errorOf(`${BASE}metrics: [acuracy]\n`)).toMatch(/unknown metric 'acuracy' \(did you mean 'accuracy'\?\)/);
    expect(errorOf(`${BASE}seeds: [1, 1]\n`)).toMatch(/lists a seed twice/);
    expect(errorOf(`${BASE}  seed: 3\n`)).toMatch(/base\.seed/);
    expect(errorOf(`${BASE}axes:\n  optimizer.options.p: []\n`)).toMatch(/axes\.optimizer\.options\.p must be a non-empty list/);
  });
  it('two axis values that make the same run', () => {
    expect(errorOf(`${BASE}axes:\n  optimizer.options.p: [0.125, 0.125]\n`)).toMatch(/same run/);
  });
  it('nothing runs: the command refuses before creating the sweep folder', async () => {
    const out = join(root, 'never');
    const r = await runQuiet(sweepCommand, [sweepFile(`${BASE}axes:\n  optimizer.options.q: [1]\n`), '--out', out]);
    expect(r.error?.message).toMatch(/unknown key 'q' \(did you mean 'p'\?\)/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('an unreachable queue', () => {
  it('sweep --queue: an error naming the URL, within a few seconds, and no sweep folder', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const out = join(root, 'unreached');
    const r = await runQuiet(sweepCommand, [padamSweep, '--queue', url, '--out', out]);
    expect(r.error?.message).toContain(`cannot reach the queue at ${url}`);
    expect(r.error?.message).toContain('nothing was enqueued');
    expect(existsSync(out)).toBe(false);
  }, 15_000);
  it('worker --queue: the same error', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const r = await runQuiet(workerCommand, ['--queue', url, '--runs-dir', join(root, 'w')]);
    expect(r.error?.message).toContain(`cannot reach the queue at ${url}`);
  }, 15_000);
  it('a queue URL with a password: used to connect, never printed', () => {
    const a = parseQueueUrl('redis://:s3cret@10.0.0.5:6380/2');
    expect(a).toMatchObject({ host: '10.0.0.5', port: 6380, db: 2, password: 's3cret' });
    expect(a.url).toBe('redis://:***@10.0.0.5:6380/2');
  });
  it('a URL that is not redis://HOST:PORT', async () => {
    const r = await runQuiet(sweepCommand, [padamSweep, '--queue', 'http://127.0.0.1:6379', '--out', join(root, 'x')]);
    expect(r.error?.message).toMatch(/--queue must be redis:\/\/HOST:PORT, got 'http:\/\/127.0.0.1:6379'/);
  });
});
