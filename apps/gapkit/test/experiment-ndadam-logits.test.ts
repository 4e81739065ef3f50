/**
 * `gapkit experiment ndadam-logits --quick` end to end through the CLI on ../shared/data: a row per
 * optimizer × head with the last-epoch train loss, the mean test logit norm and the accuracy, the
 * verdict rows, and the figures in three formats.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NEAR_ZERO_LOSS } from '../src/experiment/experiments/ndadam-logits.js';
import { missingData, type QuickRun, runQuick, tableRows } from './experiment-quick-helpers.js';

const skip = missingData(['cifar10']);
if (skip) console.warn(`experiment-ndadam-logits: ${skip}`);

describe.skipIf(skip !== null)('gapkit experiment ndadam-logits --quick', () => {
  let run: QuickRun;
  afterAll(() => {
    if (run) rmSync(run.dir, { recursive: true, force: true });
  });

  it('runs, and the report says plainly it is too small to show anything', async () => {
    run = await runQuick('ndadam-logits');
    expect(run.code, run.output).toBe(0);
    expect(run.report).toContain('**quick form**');
    expect(run.report).toContain('far too small');
    expect(run.report).toContain('Runs: 4 in 1 sweep');
  }, 180_000);

  it('has a row per optimizer × head with numbers', () => {
    const rows = tableRows(run.report, '## Final numbers');
    expect(rows.map((r) => r[0])).toEqual(['Adam, no head', 'Adam, BN-softmax', 'ND-Adam, no head', 'ND-Adam, BN-softmax']);
    for (const r of rows) {
      expect(Number.parseFloat(r[1])).toBeGreaterThan(0);
      expect(Number.parseFloat(r[2])).toBeGreaterThan(0);
      expect(r[3]).toMatch(/^\d+\.\d \(1 seed\) %$/);
      expect(r[4]).toBe('100');
    }
  });

  it('says when one seed gives no noise estimate, and computes the BN-softmax gain verdict', () => {
    const v = tableRows(run.report, '### Verdicts');
    expect(v[0][1]).toMatch(/one seed: no noise estimate, no verdict/);
    expect(v[1][1]).toMatch(/^\*\*(agrees|disagrees|not visible at this scale)\*\* \(difference -?\d/);
  });

  it('says, from the loss column, which settings stopped short of near-zero training loss', () => {
    const rows = tableRows(run.report, '## Final numbers');
    const at = run.report.indexOf("### Did training reach the claim's regime?");
    expect(at).toBeGreaterThan(0);
    const sentence = run.report.slice(at).split('\n')[2];
    const above = rows.filter((r) => Number.parseFloat(r[1]) > NEAR_ZERO_LOSS);
    if (above.length === 0) expect(sentence).toMatch(/^Yes: /);
    else {
      expect(sentence).toMatch(above.length === rows.length ? /^No: / : /^Not everywhere: /);
      expect(sentence).toContain(`${above.length} of ${rows.length} settings`);
      for (const r of above) expect(sentence).toContain(`${r[0]} ${r[1].split(' ')[0]}`); // the table's own number
    }
  });

  it('writes its figures as PNG, SVG and Vega-Lite', () => {
    for (const f of ['logit-norm', 'train-loss', 'test-accuracy']) for (const ext of ['png', 'svg', 'vl.json']) expect(existsSync(join(run.dir, 'figures', `${f}.${ext}`)), `${f}.${ext}`).toBe(true);
  });
});
