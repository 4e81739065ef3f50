/**
 * The shared pieces of experiment reports: mean ± std over seeds, verdicts computed from a number and
 * its noise, Markdown tables, and per-epoch-range means of a per-step quantity.
 */
import type { StepRecord } from '@gapkit/trainer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onlySweeps } from '../src/commands/experiment.js';
import type { Experiment } from '../src/experiment/experiment.js';
import { markdownTable } from '../src/experiment/markdown-table.js';
import { rangeMean, rangesWithin } from '../src/experiment/run-records.js';
import { formatSeedStatistic, seedStatistic } from '../src/experiment/seed-statistics.js';
import { approachVerdict, effectVerdict, formatVerdict, matchVerdict, rangeVerdict } from '../src/experiment/verdict.js';

describe('seedStatistic', () => {
  it('mean and sample std (n − 1)', () => {
    const s = seedStatistic([1, 2, 3, 6]);
    expect(s.mean).toBe(3);
    expect(s.std).toBeCloseTo(Math.sqrt(14 / 3), 12);
    expect(formatSeedStatistic(s)).toBe('3.00 ± 2.16 (4 seeds)');
    expect(formatSeedStatistic(seedStatistic([0.5123]), 1, 100)).toBe('51.2 (1 seed)');
  });

  it('a NaN or an empty list is an error naming the statistic', () => {
    expect(() => seedStatistic([1, Number.NaN], 'final accuracy')).toThrow(/final accuracy of seed #2 is NaN/);
    expect(() => seedStatistic([], 'ratio')).toThrow(/no finished run gives ratio/);
  });

  it('property: the mean lies between min and max, and adding a constant moves only the mean', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 8 }), fc.double({ min: -1e3, max: 1e3, noNaN: true }), (xs, c) => {
        const s = seedStatistic(xs);
        const t = seedStatistic(xs.map((x) => x + c));
        expect(s.mean).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-9);
        expect(s.mean).toBeLessThanOrEqual(Math.max(...xs) + 1e-9);
        expect(t.mean).toBeCloseTo(s.mean + c, 6);
        expect(t.std).toBeCloseTo(s.std, 6);
      }),
    );
  });
});

describe('verdicts', () => {
  it('an effect beyond 2 × noise with the expected sign agrees, with the other sign disagrees, within it is not visible', () => {
    expect(effectVerdict(2.1, 1, 1)).toEqual({ word: 'agrees', reason: 'difference 2.10 vs noise 1.00 (2 × noise = 2.00)' });
    expect(effectVerdict(-2.1, 1, 1).word).toBe('disagrees');
    expect(effectVerdict(-2.1, 1, -1).word).toBe('agrees');
    expect(effectVerdict(1.9, 1, 1).word).toBe('not visible at this scale');
    expect(effectVerdict(3, 1, 1, { k: 3 }).word).toBe('not visible at this scale');
    expect(formatVerdict(effectVerdict(0.5, 1, 1, { unit: ' points', digits: 1 }))).toBe('**not visible at this scale** (difference 0.5 points vs noise 1.0 points (2 × noise = 2.0 points))');
  });

  it('a match within 2 × noise agrees, beyond it disagrees', () => {
    expect(matchVerdict(1.8, 1.74, 0.05).word).toBe('agrees');
    expect(matchVerdict(1.9, 1.74, 0.05).word).toBe('disagrees');
    expect(matchVerdict(1.9, 1.74, 0.05).reason).toBe('gapkit 1.90 vs reference 1.74: difference 0.16 vs noise 0.05 (2 × noise = 0.10)');
  });

  it('a number inside a reference range, or outside it by at most 2 × noise, agrees', () => {
    expect(rangeVerdict(6, 5.1, 7, 0.1).word).toBe('agrees');
    expect(rangeVerdict(7.15, 5.1, 7, 0.1).word).toBe('agrees');
    expect(rangeVerdict(7.3, 5.1, 7, 0.1)).toEqual({ word: 'disagrees', reason: 'gapkit 7.30 vs reference range 5.10–7.00: 0.30 outside, noise 0.10 (2 × noise = 0.20)' });
    expect(rangeVerdict(4.8, 5.1, 7, 0.1).word).toBe('disagrees');
    expect(() => rangeVerdict(1, 7, 5, 0.1)).toThrow(/lo ≤ hi, got \[7, 5\]/);
  });

  it('a quantity on its way to a target: reached agrees; still approaching in a too-short run is not visible; else disagrees', () => {
    expect(approachVerdict([1.9, 1.2, 1.05], 1, 0.05, 400, 100).word).toBe('agrees');
    const v = approachVerdict([1.88, 1.63, 1.49, 1.4], 1, 0.05, 400, 1000);
    expect(v).toEqual({ word: 'not visible at this scale', reason: '1.88 → 1.63 → 1.49 → 1.40: the last is 0.40 from 1, beyond 2 × noise = 0.10; the distance shrinks every phase; the run has 400 steps, the process needs ≈ 1000' });
    expect(approachVerdict([1.88, 1.63, 1.49, 1.4], 1, 0.05, 400, 100).word).toBe('disagrees');
    expect(approachVerdict([1.5, 1.7], 1, 0.05, 400, 1000).word).toBe('disagrees');
  });

  it('non-finite numbers or a negative noise are errors, never a verdict', () => {
    expect(() => effectVerdict(Number.NaN, 1, 1)).toThrow(/effect must be a finite number, got NaN/);
    expect(() => matchVerdict(1, 1, -1)).toThrow(/noise must be a finite number ≥ 0, got -1/);
    expect(() => matchVerdict(1, Number.POSITIVE_INFINITY, 1)).toThrow(/reference must be a finite number/);
  });

  it('property: the verdict is symmetric in the sign (flipping effect and expected sign keeps the word)', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), fc.constantFrom<1 | -1>(1, -1), (e, n, s) => {
        expect(effectVerdict(-e, n, s === 1 ? -1 : 1).word).toBe(effectVerdict(e, n, s).word);
      }),
    );
  });
});

describe('markdownTable', () => {
  it('escapes pipes and checks row lengths', () => {
    expect(markdownTable(['a', 'b'], [['|x|', 1]])).toBe('| a | b |\n| --- | --- |\n| \\|x\\| | 1 |');
    expect(() => markdownTable(['a', 'b'], [['x']])).toThrow(/row 1 has 1 cells, the header 2/);
  });
});

describe('rangeMean', () => {
  const line = (step: number, v: number): StepRecord => ({ type: 'step', step, epoch: step / 2, loss: 0, lr: 0, examplesPerSecond: 0, gradNorm: 0, effectiveStep: [v], weightNorm: [1], skippedSteps: 0, logitNorm: 0 });
  const steps = [line(1, 1), line(2, 3), line(3, 10), line(4, 20), line(5, 100), line(6, 200)];

  it('averages the steps of an epoch range (2 steps per epoch) with the standard error of that mean', () => {
    const m = rangeMean(steps, { label: 'epochs 2–3', from: 2, to: 3 }, 2, (r) => r.effectiveStep[0]);
    expect(m.mean).toBeCloseTo(82.5, 12);
    expect(m.n).toBe(4);
    const v = ((10 - 82.5) ** 2 + (20 - 82.5) ** 2 + (100 - 82.5) ** 2 + (200 - 82.5) ** 2) / 3;
    expect(m.se).toBeCloseTo(Math.sqrt(v / 4), 9);
  });

  it('with blocks, the standard error comes from the block means (batch means)', () => {
    const m = rangeMean(steps, { label: 'epochs 1–3', from: 1, to: 3 }, 2, (r) => r.effectiveStep[0], 2);
    expect(m.mean).toBeCloseTo(334 / 6, 12);
    const b = [2, 15, 150];
    const bm = 167 / 3;
    expect(m.se).toBeCloseTo(Math.sqrt(b.reduce((s, x) => s + (x - bm) ** 2, 0) / 2 / 3), 9);
    expect(rangeMean(steps, { label: 'epoch 1', from: 1, to: 1 }, 2, (r) => r.effectiveStep[0], 2).se).toBe(Number.POSITIVE_INFINITY);
    expect(() => rangeMean(steps, { label: 'epoch 1', from: 1, to: 1 }, 2, (r) => r.effectiveStep[0], 0)).toThrow(/block must be a positive integer, got 0/);
  });

  it('an empty range is an error naming it; ranges are clipped to the run', () => {
    expect(() => rangeMean(steps, { label: 'epoch 9', from: 9, to: 9 }, 2, (r) => r.effectiveStep[0])).toThrow(/no step of epoch 9 \(steps 17–18\)/);
    expect(rangesWithin([{ label: 'a', from: 1, to: 1 }, { label: 'b', from: 2, to: 4 }, { label: 'c', from: 9, to: 10 }], 3)).toEqual([{ label: 'a', from: 1, to: 1 }, { label: 'epochs 2–3', from: 2, to: 3 }]);
  });
});

describe('gapkit experiment --only', () => {
  const e = { name: 'x', sweeps: { full: ['a.yaml', 'b.yaml', 'c.yaml'], quick: ['qa.yaml'] } } as unknown as Experiment;

  it('keeps the named sweep files in the experiment\'s order', () => {
    expect(onlySweeps(e, 'full', 'c.yaml, a.yaml').sweeps.full).toEqual(['a.yaml', 'c.yaml']);
    expect(onlySweeps(e, 'full', undefined)).toBe(e);
    expect(onlySweeps(e, 'full', 'b.yaml').sweeps.quick).toEqual(['qa.yaml']);
  });

  it('an unknown file is an error naming the closest and the valid ones', () => {
    expect(() => onlySweeps(e, 'full', 'b.yml')).toThrow(/--only: x has no full sweep file 'b\.yml' \(did you mean 'b\.yaml'\?\); its full sweep files: a\.yaml, b\.yaml, c\.yaml/);
    expect(() => onlySweeps(e, 'quick', 'a.yaml')).toThrow(/its quick sweep files: qa\.yaml/);
  });
});
