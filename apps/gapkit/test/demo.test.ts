import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { command } from '../src/commands/demo.js';
import { runQuiet } from './train-helpers.js';

const out = mkdtempSync(join(tmpdir(), 'gapkit-demo-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('gapkit demo (the compare preset demo)', () => {
  it('trains an MLP on the embedded digits to well above chance and leaves run folders and overlaid plots', async () => {
    const r = await runQuiet(command, ['--optimizers', 'adam,sgd', '--epochs', '2', '--train-size', '2000', '--hidden', '64', '--out', out, '--backend', 'cpu', '--quiet']);
    expect(r.error).toBeNull();
    for (const opt of ['adam', 'sgd']) {
      const lines = readFileSync(join(out, opt, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; step: number; accuracy?: number; loss: number });
      const evals = lines.filter((l) => l.type === 'eval');
      // Chance is 10%; 2 epochs over 2,000 real digits reach far more.
      expect(evals.at(-1)?.accuracy, opt).toBeGreaterThan(0.75);
      const steps = lines.filter((l) => l.type === 'step');
      // Guessing uniformly costs ln 10 ≈ 2.30; the last logged training loss is far below half of it.
      expect(steps.at(-1)?.loss, opt).toBeLessThan(Math.log(10) / 2);
      expect(existsSync(join(out, opt, 'config.yaml'))).toBe(true);
    }
    const spec = JSON.parse(readFileSync(join(out, 'loss.vl.json'), 'utf8')) as { data: { values: { run: string }[] } };
    expect(new Set(spec.data.values.map((v) => v.run))).toEqual(new Set(['adam', 'sgd']));
    expect(readFileSync(join(out, 'test-accuracy.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(/\| adam \|.*%/);
  });

  it('rejects an unknown optimizer with a message naming it', async () => {
    await expect(command.run(['--optimizers', 'adam,lbfgs'])).rejects.toThrow(/'lbfgs' is not one of/);
  });
});
