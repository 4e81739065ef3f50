/**
 * The pieces the lawn-ml100k report is computed with: the noise verdicts (agree / disagree / not
 * visible, from numbers and noise), mean ± std over seeds, the setting labels and ids that match the
 * reference rows, the statistics read from a run's metrics lines, and the float32 subnormal count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSubnormalsIn } from '../src/experiment/count-subnormals.js';
import { recipeVariant } from '../src/experiment/experiments/lawn-ml100k-groups.js';
import { lawnRunStats } from '../src/experiment/experiments/lawn-ml100k-run-stats.js';
import { PYTORCH_B1K } from '../src/experiment/experiments/lawn-ml100k-reference.js';
import { lawnSetting } from '../src/experiment/experiments/lawn-ml100k-setting.js';
import { moveWord } from '../src/experiment/experiments/lawn-ml100k-toward.js';
import { markdownTable } from '../src/experiment/markdown-table.js';
import { effectVerdict, matchVerdict, noiseOf } from '../src/experiment/noise-verdict.js';
import { formatSeedStats, seedStats } from '../src/experiment/seed-stats.js';
import type { MetricsRecord } from '@gapkit/trainer';

describe('noise verdicts', () => {
  it('matchVerdict agrees exactly when |measured − reference| ≤ noise, and says the numbers', () => {
    expect(matchVerdict(54.7, 55.89, 3, 'HR points').text).toBe('agrees: difference −1.19 HR points vs noise 3.00');
    expect(matchVerdict(51.0, 55.89, 3, 'HR points').verdict).toBe('disagrees');
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (m, r, n) => {
        expect(matchVerdict(m, r, n, 'x').verdict === 'agrees').toBe(Math.abs(m - r) <= n);
      }),
    );
    expect(() => matchVerdict(Number.NaN, 1, 3, 'x')).toThrow(/measured must be a finite number, got NaN/);
  });

  it('effectVerdict: inside the noise is "not visible at this scale"; outside, agrees iff the sign is the claimed one', () => {
    expect(effectVerdict(2.1, 0.8, 3, 'HR points').text).toBe('not visible at this scale: measured +2.10 HR points is inside the noise 3.00 (claimed +0.80)');
    expect(effectVerdict(4, 3.04, 3, 'HR points').verdict).toBe('agrees');
    expect(effectVerdict(-4, 3.04, 3, 'HR points').verdict).toBe('disagrees');
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (m, claimed, n) => {
        const v = effectVerdict(m, claimed, n, 'x').verdict;
        if (Math.abs(m) <= n) expect(v).toBe('not visible at this scale');
        else expect(v).toBe(m > 0 ? 'agrees' : 'disagrees');
      }),
    );
  });

  it('noiseOf: the stated noise, or twice the seed stds in quadrature when larger; one seed (null) adds nothing', () => {
    expect(noiseOf(3, null, null)).toBe(3);
    expect(noiseOf(3, 1, null)).toBe(3);
    expect(noiseOf(3, 3, 4)).toBe(10);
    expect(() => noiseOf(-1)).toThrow(/must be ≥ 0/);
  });
});

describe('seed statistics and tables', () => {
  it('mean and sample std over seeds; one seed has no std; NaN is refused', () => {
    const s = seedStats([57.69, 57.48]);
    expect(s.mean).toBeCloseTo(57.585, 10);
    expect(s.std).toBeCloseTo(Math.abs(57.69 - 57.48) / Math.SQRT2, 10);
    expect(formatSeedStats(s)).toBe('57.58 ± 0.15 (57.69, 57.48)'); // 57.585 is 57.58499… in binary
    expect(seedStats([52.7]).std).toBeNull();
    expect(formatSeedStats(seedStats([52.7]))).toBe('52.70');
    expect(() => seedStats([1, Number.NaN])).toThrow(/seed #2 is NaN/);
    expect(() => seedStats([])).toThrow(/no finished run gives/);
  });

  it('markdownTable escapes pipes and refuses a ragged row', () => {
    expect(markdownTable(['a', 'b'], [['1', 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
    expect(() => markdownTable(['a', 'b'], [['1']])).toThrow(/row 1 has 1 cells, the header 2/);
  });
});

describe('lawn-ml100k settings and run statistics', () => {
  it('every PyTorch reference row has an id a sweep setting produces', () => {
    const ids = [
      lawnSetting({ batchSize: 1024, optimizer: { name: 'adam', options: { weightDecay: 0 } } }, 'r').id,
      lawnSetting({ batchSize: 1024, optimizer: { name: 'adam', options: { weightDecay: 1e-6 } } }, 'r').id,
      lawnSetting({ batchSize: 1024, optimizer: { name: 'adam', options: { weightDecay: 1e-5 } } }, 'r').id,
      lawnSetting({ batchSize: 1024, optimizer: { name: 'adam', options: { weightDecay: 1e-4 } } }, 'r').id,
      lawnSetting({ batchSize: 1024, optimizer: { name: 'adam-lawn', options: { freeEpochs: 2, constrainEmbeddings: false } } }, 'r').id,
      lawnSetting({ batchSize: 1024, optimizer: { name: 'adam-lawn', options: { freeEpochs: 5, constrainEmbeddings: false } } }, 'r').id,
      lawnSetting({ batchSize: 1024, optimizer: { name: 'adam-lawn', options: { freeEpochs: 5 } } }, 'r').id,
    ];
    expect(PYTORCH_B1K.map((r) => r.id)).toEqual(ids);
    const reset = lawnSetting({ batchSize: 1024, optimizer: { name: 'adam-lawn', options: { freeEpochs: 2, resetMomentsAtSwitch: true } } }, 'r');
    expect([reset.label, reset.short]).toEqual(['Adam-LAWN, E_free 2, embeddings constrained, moments reset', 'LAWN E2 C reset']);
    expect(() => lawnSetting({ optimizer: {} }, 'run x')).toThrow(/run x has no optimizer name/);
  });

  it('a toward-66 variant names what differs from the recipe at its batch size (length, η_peak; SGD keeps its own lr)', () => {
    const cfg = (batchSize: number, epochs: number, name: string, lr: number) => ({ batchSize, epochs, optimizer: { name, options: { lr } } });
    const variant = (c: ReturnType<typeof cfg>) => recipeVariant(c, lawnSetting(c, 'r'));
    expect(variant(cfg(1024, 300, 'adam', 3e-3))).toBe('300 epochs');
    expect(variant(cfg(1024, 60, 'adam-lawn', 1e-2))).toBe('η_peak 0.01');
    expect(variant(cfg(1024, 300, 'adam-lawn', 1e-3))).toBe('300 epochs, η_peak 1e-3');
    expect(variant(cfg(99057, 200, 'adam', 1e-2))).toBe('the recipe');
    expect(variant(cfg(1024, 60, 'sgd', 0.1))).toBe('the recipe');
  });

  it('moveWord: a change moves the final HR@10 only beyond the noise, and says which way', () => {
    expect([moveWord(3.5, 3), moveWord(-3.5, 3), moveWord(2.9, 3)]).toEqual(['raises it', 'lowers it', 'no change beyond the noise']);
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (d, n) => {
        expect(moveWord(d, n)).toBe(Math.abs(d) <= n ? 'no change beyond the noise' : d > 0 ? 'raises it' : 'lowers it');
      }),
    );
  });

  it('reads HR/NDCG per epoch, best/final/last-5, loss per epoch, norms, LAWN drift and training seconds from metrics lines', () => {
    const step = (s: number, loss: number, extra: Partial<Record<string, unknown>> = {}) =>
      ({ type: 'step', step: s, epoch: s / 2, loss, lr: 1, examplesPerSecond: 100, gradNorm: 1, effectiveStep: [], weightNorm: [], skippedSteps: 0, logitNorm: 2 * loss, layers: { 'itemEmbedding.weight': { effectiveStep: 0, weightNorm: s } }, ...extra }) as MetricsRecord;
    const evalAt = (e: number, hr: number) => ({ type: 'eval', step: 2 * e, epoch: e, split: 'test', hitRate: hr, ndcg: hr / 2, k: 10 }) as MetricsRecord;
    const records: MetricsRecord[] = [];
    const hrs = [0.2, 0.5, 0.4, 0.45, 0.3, 0.35];
    for (let e = 1; e <= 6; e++) {
      records.push(step(2 * e - 1, 1 / e), step(2 * e, 3 / e, e >= 3 ? { lawnPhase: 'constrained', lawnWorstNormDrift: e * 1e-8, lawnC: { w: 1 } } : {}), evalAt(e, hrs[e - 1]));
    }
    const s = lawnRunStats(records, 50, 'r');
    expect(s.epochs).toBe(6);
    expect(s.best).toEqual({ hr: 50, epoch: 2, ndcg: 25 });
    expect(s.final.hr).toBeCloseTo(35, 10);
    expect(s.last5Hr).toBeCloseTo((50 + 40 + 45 + 30 + 35) / 5, 10);
    expect(s.loss[0]).toEqual({ epoch: 1, value: 2 }); // mean of 1 and 3
    expect(s.final.loss).toBeCloseTo((1 / 6 + 3 / 6) / 2, 12);
    expect(s.norms['itemEmbedding.weight'].map((p) => p.value)).toEqual([2, 4, 6, 8, 10, 12]);
    expect(s.worstDrift).toBeCloseTo(6e-8, 20);
    expect(s.c).toEqual({ w: 1 });
    expect(s.trainSeconds).toBeCloseTo((12 * 50) / 100, 10);
    expect(() => lawnRunStats(records.filter((r) => r.type === 'step'), 50, 'run y')).toThrow(/run y has 0 evaluations/);
  });

  it('counts float32 subnormals (0 < |x| < 2^−126) and nothing else', () => {
    const tiny = 2 ** -130;
    // 2^−149 is the smallest float32 subnormal; Number.MIN_VALUE rounds to 0 in float32
    expect(countSubnormalsIn(Float32Array.from([0, -0, tiny, -tiny, 2 ** -126, 1, 2 ** -149, Number.MIN_VALUE]))).toBe(3);
  });
});
