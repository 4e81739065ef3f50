/**
 * `gapkit experiment adams-gradient-norm --quick` end to end through the CLI on ../shared/data: the
 * gradient norm (full batch over the training subset, after the lr drop) and accuracy as mean ± std
 * over two seeds per setting, computed verdicts, AdamS's √v̄, and the figures in three formats.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NOT_COMPARED_QUICK } from '../src/experiment/reference-comparison.js';
import { missingData, type QuickRun, runQuick, tableRows } from './experiment-quick-helpers.js';

const skip = missingData(['cifar10']);
if (skip) console.warn(`experiment-adams-gradient-norm: ${skip}`);

describe.skipIf(skip !== null)('gapkit experiment adams-gradient-norm --quick', () => {
  let run: QuickRun;
  afterAll(() => {
    if (run) rmSync(run.dir, { recursive: true, force: true });
  });

  it('runs, and the report says plainly it is too small to show anything', async () => {
    run = await runQuick('adams-gradient-norm');
    expect(run.code, run.output).toBe(0);
    expect(run.report).toContain('**quick form**');
    expect(run.report).toContain('far too small');
    expect(run.report).toContain('Runs: 4 in 1 sweep');
  }, 180_000);

  it('has a row per setting with the gradient norm (after the drop and final) and accuracy over 2 seeds', () => {
    const rows = tableRows(run.report, '## Gradient norm and test accuracy');
    expect(rows.map((r) => r[0])).toEqual(['AdamS λ=0.0005', 'AdamW λ_W=0.5']);
    for (const r of rows) {
      for (const c of [r[1], r[2]]) {
        expect(c).toMatch(/^\d+\.\d{3} ± \d+\.\d{3} \(2 seeds\)$/);
        expect(Number.parseFloat(c)).toBeGreaterThan(0);
      }
      // the quick form evaluates once after its drop: the mean after the drop is the final value
      expect(r[1]).toBe(r[2]);
      expect(r[4]).toBe(NOT_COMPARED_QUICK);
      expect(r[5]).toMatch(/^\d+\.\d ± \d+\.\d \(2 seeds\) %$/);
    }
  });

  it('has the logit norm of every setting beside the reference range, not compared in the quick form', () => {
    const rows = tableRows(run.report, '### Mean test logit norm');
    expect(rows.map((r) => r[0])).toEqual(['AdamS λ=0.0005', 'AdamW λ_W=0.5']);
    for (const r of rows) {
      expect(r[1]).toMatch(/^\d+\.\d{2} ± \d+\.\d{2} \(2 seeds\)$/);
      expect(r[2]).toBe(NOT_COMPARED_QUICK);
    }
  });

  it('computes its verdicts and logs AdamS √v̄', () => {
    const v = tableRows(run.report, '### Verdicts');
    expect(v.length).toBe(2);
    for (const r of v) expect(r[1]).toMatch(/^\*\*(agrees|disagrees|not visible at this scale)\*\* \(difference -?\d/);
    const vbar = tableRows(run.report, '## √v̄ of AdamS');
    expect(vbar).toHaveLength(1);
    expect(Number(vbar[0][1])).toBeGreaterThan(0);
    expect(vbar[0][2].split(', ')).toHaveLength(2);
    // the change over training is read from the numbers, and the sentence follows its direction
    expect(vbar[0][3]).toMatch(/^×\d+\.\d{2}$/);
    const ratio = Number(vbar[0][3].slice(1));
    expect(run.report).toContain(`AdamS λ=0.0005: √v̄ ${ratio > 1 ? 'rose' : 'fell'} ×${vbar[0][3].slice(1)} from step 1`);
  });

  it('writes its figures as PNG, SVG and Vega-Lite', () => {
    for (const f of ['gradient-norm', 'test-accuracy', 'sqrt-vbar']) for (const ext of ['png', 'svg', 'vl.json']) expect(existsSync(join(run.dir, 'figures', `${f}.${ext}`)), `${f}.${ext}`).toBe(true);
  });
});
