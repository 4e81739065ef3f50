/**
 * The experiment runner on a tiny experiment (test/tiny-experiment.ts: two sweeps on the embedded
 * digits): each sweep runs on the local pool, the report gets the common header, the body the
 * experiment built from the runs' own metrics.jsonl, a figure in three formats and a copy of each
 * sweep file; a second invocation re-runs nothing; overrides reach every run's config; bad input is
 * a clear error.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Experiment } from '../src/experiment/experiment.js';
import { parseOverride } from '../src/experiment/override-sweep.js';
import { checkData } from '../src/experiment/run-experiment.js';

const root = mkdtempSync(join(tmpdir(), 'gapkit-experiment-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const driver = fileURLToPath(new URL('./tiny-experiment.ts', import.meta.url));
const tsxLoader = pathToFileURL(fileURLToPath(new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url))).href;
const runTiny = (...extra: string[]): { report: string; failed: number; said: string[] } =>
  JSON.parse(execFileSync(process.execPath, ['--import', tsxLoader, '--conditions=source', driver, root, ...extra], { encoding: 'utf8', maxBuffer: 1 << 24 }));

describe('gapkit experiment runner', () => {
  const reportDir = join(root, 'report');

  it('runs every sweep, then writes report.md with the header, the body, a figure and the configs', () => {
    const { report, failed } = runTiny();
    expect(failed).toBe(0);
    // 100 images / batch 20 = 5 steps per epoch; the override made it 2 epochs.
    expect(report).toContain('tiny-a seed 1: 10 step lines, lr 0.1, epochs 2');
    expect(report).toContain('tiny-b seed 2: 10 step lines, lr 0.05, epochs 2');
    expect(report).toMatch(/^# A tiny experiment\n/);
    expect(report).toContain('Runs: 4 in 2 sweeps (`tiny-a` 2, `tiny-b` 2); 0 failed.');
    expect(report).toContain('`epochs=2`');
    // the revision every run recorded in its config.yaml (this checkout's HEAD), counted
    const head = execFileSync('git', ['rev-parse', '--short=7', 'HEAD'], { encoding: 'utf8' }).trim();
    expect(report).toMatch(new RegExp(`report built at gapkit commit [0-9a-f]+, runs trained at ${head}( \\(with uncommitted changes\\))? \\(4 runs\\);`));
    expect(report).toContain('![a caption](figures/loss.png)');
    for (const f of ['report.md', 'figures/loss.png', 'figures/loss.svg', 'figures/loss.vl.json', 'config/a.yaml', 'config/b.yaml']) expect(existsSync(join(reportDir, f)), f).toBe(true);
    expect(readFileSync(join(reportDir, 'report.md'), 'utf8')).toBe(report);
    expect(existsSync(join(root, 'out', 'sweeps', 'tiny-a', 'sweep.md'))).toBe(true);
  }, 180_000);

  it('a second invocation re-runs nothing and writes the same body', () => {
    const { report, said } = runTiny();
    expect(said.filter((s) => s.includes('already finished'))).toHaveLength(2);
    expect(said.some((s) => s.includes('local worker processes'))).toBe(false);
    expect(report).toContain('tiny-b seed 2: 10 step lines');
  }, 120_000);

  it('--report-only runs nothing: the finished runs give the same body, and runs not yet run are counted, not reported', () => {
    const done = runTiny('report-only', 'out');
    expect(done.said.some((s) => s.includes('local worker processes') || s.includes('already finished'))).toBe(false);
    expect(done.report).toContain('Runs: 4 in 2 sweeps (`tiny-a` 2, `tiny-b` 2); 0 failed.');
    expect(done.report).toContain('tiny-b seed 2: 10 step lines, lr 0.05, epochs 2');
    const none = runTiny('report-only', 'empty');
    expect(none.report).toContain('Runs: 4 in 2 sweeps (`tiny-a` 2, `tiny-b` 2); 0 failed; 4 not finished when this report was made (`--report-only`): the tables hold the 0 finished runs.');
    expect(none.report).not.toContain('step lines');
    expect(none.report).not.toContain('runs trained at');
    expect(existsSync(join(root, 'empty'))).toBe(false);
  }, 120_000);

  it('names the missing data folder and the flag that fixes it', () => {
    const e = { name: 'x', data: ['cifar10'] } as unknown as Experiment;
    expect(() => checkData(e, join(root, 'nowhere'))).toThrow(/reads cifar10\/ under --data-dir, but .*nowhere\/cifar10 does not exist; give --data-dir/);
  });

  it('rejects a malformed --set', () => {
    expect(() => parseOverride('epochs')).toThrow(/expected PATH=VALUE/);
    expect(() => parseOverride('seed=3')).toThrow(/seeds/);
    expect(parseOverride('optimizer.options.lr=3e-3')).toEqual({ path: 'optimizer.options.lr', value: 3e-3 });
  });
});
