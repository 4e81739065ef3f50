/**
 * `gapkit experiment ndadam-effective-step --quick` end to end through the CLI on ../shared/data: the
 * report holds a ratio row per phase with numbers and a computed verdict, a weight-norm row per setting
 * (ND-Adam at √32), the accuracy table, and its figures in three formats.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NOT_COMPARED_QUICK } from '../src/experiment/reference-comparison.js';
import { missingData, type QuickRun, runQuick, tableRows } from './experiment-quick-helpers.js';

const skip = missingData(['cifar10']);
if (skip) console.warn(`experiment-ndadam-effective-step: ${skip}`);

describe.skipIf(skip !== null)('gapkit experiment ndadam-effective-step --quick', () => {
  let run: QuickRun;
  afterAll(() => {
    if (run) rmSync(run.dir, { recursive: true, force: true });
  });

  it('runs, and the report says plainly it is too small to show anything', async () => {
    run = await runQuick('ndadam-effective-step');
    expect(run.code, run.output).toBe(0);
    expect(run.report).toContain('**quick form**');
    expect(run.report).toContain('far too small');
    expect(run.report).toContain('Runs: 4 in 2 sweeps');
  }, 180_000);

  it('has a ratio row per phase with a number, its noise and a computed verdict', () => {
    const rows = tableRows(run.report, '### Ratio of the mean effective step');
    expect(rows.map((r) => r[0])).toEqual(['epoch 1', 'epoch 2']);
    for (const r of rows) {
      expect(Number.parseFloat(r[1])).toBeGreaterThan(0);
      expect(Number.parseFloat(r[2])).toBeGreaterThanOrEqual(0);
      expect(r[3]).toMatch(/^\*\*(agrees|disagrees|not visible at this scale)\*\* \(difference -?\d/);
    }
    expect(rows[0][4]).toBe('1.74');
    expect(rows[0][5]).toBe(NOT_COMPARED_QUICK);
  });

  it('has the SGD λ ×10 pair, and names the pair that did not run', () => {
    expect(tableRows(run.report, '### λ ×10').length).toBe(2);
    expect(run.report).toMatch(/### the paper's λ[^\n]*\n\nNot in this report: a setting of this pair was not run/);
  });

  it('ND-Adam keeps ‖w‖ at √32 at every step; every setting has a final accuracy on 100 test images', () => {
    const norms = tableRows(run.report, '## Weight norm');
    expect(norms.map((r) => r[0])).toEqual(['ND-Adam α^v=0.05', 'ND-Adam α^v=0.025', 'SGD α=0.1 λ=0.005', 'SGD α=0.05 λ=0.01']);
    for (const r of norms.slice(0, 2)) {
      expect(r[2]).toBe('5.657 (1 seed)');
      expect(Number(r[3])).toBeLessThan(1e-5);
    }
    const acc = tableRows(run.report, '## Test accuracy');
    expect(acc).toHaveLength(4);
    for (const r of acc) {
      expect(r[1]).toMatch(/^\d+\.\d \(1 seed\) %$/);
      expect(r[2]).toBe('100');
      expect(Number.parseFloat(r[4])).toBeGreaterThan(0);
    }
  });

  it('writes every figure as PNG, SVG and Vega-Lite, and the sweep files it ran', () => {
    for (const f of ['effective-step-per-epoch', 'effective-step-per-step', 'weight-norm', 'test-accuracy']) {
      for (const ext of ['png', 'svg', 'vl.json']) expect(existsSync(join(run.dir, 'figures', `${f}.${ext}`)), `${f}.${ext}`).toBe(true);
      expect(run.report).toContain(`](figures/${f}.png)`);
    }
    expect(existsSync(join(run.dir, 'config', 'quick-nd-adam.yaml'))).toBe(true);
  });
});
