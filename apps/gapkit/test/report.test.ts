import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineChartSvg, niceTicks } from '../src/report/line-chart-svg.js';
import { sparkline } from '../src/report/sparkline.js';

describe('niceTicks', () => {
  it('gives 1-2-5 steps inside the range', () => {
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0.1, 0.95)).toEqual([0.2, 0.4, 0.6, 0.8]);
  });

  it('property: ticks are increasing, evenly spaced and within [lo, hi]', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (lo, span) => {
        const hi = lo + span;
        const t = niceTicks(lo, hi);
        expect(t.length).toBeGreaterThan(0);
        // lo and hi are themselves doubles: allow a few ulps of their magnitude besides the span.
        const slack = span * 1e-9 + 4 * Number.EPSILON * Math.max(Math.abs(lo), Math.abs(hi));
        for (const v of t) {
          expect(v).toBeGreaterThanOrEqual(lo - slack);
          expect(v).toBeLessThanOrEqual(hi + slack);
        }
        for (let i = 2; i < t.length; i++) expect(t[i] - t[i - 1]).toBeCloseTo(t[1] - t[0], 6);
      }),
      { numRuns: 200, examples: [[999999.9999999999, 0.001]] },
    );
  });
});

describe('lineChartSvg', () => {
  it('draws one polyline and one legend entry per series', () => {
    const svg = lineChartSvg(
      [
        { name: 'adam', x: [0, 1, 2], y: [2, 1, 0.5] },
        { name: 'sgd & co', x: [0, 1, 2], y: [2, 1.5, 1] },
      ],
      { title: 'loss', xLabel: 'step', yLabel: 'loss', logY: true },
    );
    expect(svg.match(/<polyline/g)?.length).toBe(2);
    expect(svg).toContain('>adam<');
    expect(svg).toContain('sgd &amp; co');
    expect(svg.startsWith('<svg')).toBe(true);
  });
});

describe('sparkline', () => {
  it('maps the minimum to the lowest bar and the maximum to the highest', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([5, 5, 5])).toBe('▁▁▁');
    expect(sparkline([1, Number.NaN, 3], 10)).toBe('▁█');
  });
});
