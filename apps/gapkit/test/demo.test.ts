import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { command } from '../src/commands/demo.js';

const out = mkdtempSync(join(tmpdir(), 'gapkit-demo-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('gapkit demo', () => {
  it('trains an MLP on the embedded digits to well above chance and writes results and plots', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = await command.run(['--optimizers', 'adam,sgd', '--epochs', '2', '--train-size', '2000', '--hidden', '64', '--out', out]);
      expect(code).toBe(0);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
      runs: { optimizer: string; testAccuracy: number; stepLosses: number[]; diagnostics: { step: number; effectiveStep: number }[] }[];
    };
    expect(results.runs.map((r) => r.optimizer)).toEqual(['Adam', 'SGD']);
    for (const r of results.runs) {
      // Chance is 10%; 2 epochs over 2,000 real digits reach far more.
      expect(r.testAccuracy).toBeGreaterThan(0.75);
      const first = r.stepLosses.slice(0, 5).reduce((a, b) => a + b) / 5;
      const last = r.stepLosses.slice(-5).reduce((a, b) => a + b) / 5;
      expect(last).toBeLessThan(first / 2);
      // Diagnostics every 10 steps, each a real relative step size.
      expect(r.diagnostics.map((d) => d.step)).toEqual(Array.from({ length: Math.floor(r.stepLosses.length / 10) }, (_, i) => 10 * (i + 1)));
      for (const d of r.diagnostics) expect(d.effectiveStep).toBeGreaterThan(0);
    }
    for (const figure of ['loss', 'test-accuracy', 'effective-step']) {
      expect(readFileSync(join(out, `${figure}.svg`), 'utf8'), figure).toMatch(/^<svg[\s\S]*class="mark-line role-mark/);
      expect(readFileSync(join(out, `${figure}.png`)).subarray(1, 4).toString(), figure).toBe('PNG');
      const spec = JSON.parse(readFileSync(join(out, `${figure}.vl.json`), 'utf8')) as { data: { values: { run: string }[] } };
      expect(new Set(spec.data.values.map((v) => v.run)), figure).toEqual(new Set(['Adam', 'SGD']));
    }
  });

  it('rejects an unknown optimizer with a message naming it', async () => {
    await expect(command.run(['--optimizers', 'adam,lbfgs'])).rejects.toThrow(/'lbfgs' is not one of/);
  });
});
