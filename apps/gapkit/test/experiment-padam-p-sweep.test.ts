/**
 * `gapkit experiment padam-p-sweep --quick` end to end through the CLI on ../shared/data: a train-loss
 * row per setting with a number per epoch, computed verdicts, the test-accuracy table, the matched-step
 * check, and the figures in three formats.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NOT_COMPARED_QUICK } from '../src/experiment/reference-comparison.js';
import { missingData, type QuickRun, runQuick, tableRows } from './experiment-quick-helpers.js';

const skip = missingData(['cifar10']);
if (skip) console.warn(`experiment-padam-p-sweep: ${skip}`);

const SETTINGS = ['Padam p=1/4', 'Padam p=1/16', 'Adam', 'Padam p=1/16, lr 1.9 (matched step)'];

describe.skipIf(skip !== null)('gapkit experiment padam-p-sweep --quick', () => {
  let run: QuickRun;
  afterAll(() => {
    if (run) rmSync(run.dir, { recursive: true, force: true });
  });

  it('runs, and the report says plainly it is too small to show anything', async () => {
    run = await runQuick('padam-p-sweep');
    expect(run.code, run.output).toBe(0);
    expect(run.report).toContain('**quick form**');
    expect(run.report).toContain('far too small');
    expect(run.report).toContain('Runs: 4 in 3 sweeps');
  }, 180_000);

  it('has a train-loss row per setting with a number per epoch', () => {
    const rows = tableRows(run.report, '## Train loss per epoch');
    expect(rows.map((r) => r[0])).toEqual(SETTINGS);
    for (const r of rows) for (const c of r.slice(1)) expect(Number(c)).toBeGreaterThan(0);
  });

  it('its verdicts are computed (a word and the numbers behind it); the reference is not compared in the quick form', () => {
    const v = tableRows(run.report, '### Verdicts on the train loss');
    expect(v[0][1]).toMatch(/^\*\*(agrees|disagrees|not visible at this scale)\*\* \(difference -?\d+\.\d{3} vs noise \d+\.\d{3}/);
    expect(v.slice(1).map((r) => r[1])).toEqual([NOT_COMPARED_QUICK, NOT_COMPARED_QUICK]);
    const acc = tableRows(run.report, '## Test accuracy');
    expect(acc.map((r) => r[0])).toEqual(SETTINGS);
    for (const r of acc) expect(r[1]).toMatch(/^\d+\.\d \(1 seed\) %$/);
    expect(tableRows(run.report, '### Verdicts on the test accuracy').map((r) => r[0])).toEqual(['Padam p=1/4 − Adam, final test accuracy (better after the decay: > 0)']);
  });

  it('checks the matched step from the runs themselves', () => {
    const m = tableRows(run.report, '## At a matched initial step');
    expect(m).toHaveLength(1);
    expect(Number(m[0][1])).toBeGreaterThan(0);
    expect(m[0][4]).toMatch(/^\*\*(agrees|disagrees|not visible at this scale)\*\*/);
  });

  it('writes its figures as PNG, SVG and Vega-Lite', () => {
    for (const f of ['train-loss', 'test-accuracy']) for (const ext of ['png', 'svg', 'vl.json']) expect(existsSync(join(run.dir, 'figures', `${f}.${ext}`)), `${f}.${ext}`).toBe(true);
  });
});
