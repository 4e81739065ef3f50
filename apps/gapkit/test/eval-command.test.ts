/** `gapkit eval` reproduces the run's own final evaluation from its newest checkpoint (classifier and NCF). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { command as evalCommand } from '../src/commands/eval.js';
import { command as train } from '../src/commands/train.js';
import { runQuiet, TINY_DIGITS } from './train-helpers.js';

const root = mkdtempSync(join(tmpdir(), 'gapkit-eval-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function evalJson(args: string[]): Promise<Record<string, number | string>> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((s: string) => {
    lines.push(s);
  });
  try {
    expect(await evalCommand.run([...args, '--json'])).toBe(0);
  } finally {
    log.mockRestore();
  }
  return JSON.parse(lines.at(-1) ?? '{}') as Record<string, number | string>;
}

function lastEvalRecord(dir: string): Record<string, number> {
  const lines = readFileSync(join(dir, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, number> & { type: string });
  return lines.filter((l) => l.type === 'eval').at(-1) ?? {};
}

describe('gapkit eval', () => {
  it('classifier: loss, accuracy, ECE and logit norm of the newest checkpoint equal the run’s final evaluation', async () => {
    const run = join(root, 'digits');
    expect((await runQuiet(train, [...TINY_DIGITS, '--max-steps', '15', '--out', run])).error).toBeNull();
    const got = await evalJson([run, '--backend', 'cpu']);
    const want = lastEvalRecord(run);
    expect(got.step).toBe(15);
    for (const k of ['loss', 'accuracy', 'ece', 'logitNorm']) expect(got[k], k).toBe(want[k]);
    expect(Number(got.accuracy)).toBeGreaterThan(0.1);
  });

  it('NCF: HR@10 and NDCG@10 on synthetic-implicit equal the run’s final evaluation', async () => {
    const run = join(root, 'ncf');
    const args = ['--model', 'ncf-gmf', '--dataset', 'synthetic-implicit', '--optimizer', 'adam-lawn', '--opt', 'freeSteps=5', '--batch-size', '1024', '--max-steps', '12', '--backend', 'cpu', '--quiet', '--out', run];
    expect((await runQuiet(train, args)).error).toBeNull();
    const got = await evalJson([run, '--backend', 'cpu']);
    const want = lastEvalRecord(run);
    expect(got.k).toBe(10);
    expect(got.hitRate).toBe(want.hitRate);
    expect(got.ndcg).toBe(want.ndcg);
  });

  it('refuses a folder that is not a run', async () => {
    await expect(evalCommand.run([root])).rejects.toThrow(/not a run folder \(no config\.yaml\)/);
  });
});
