/** lineChart builds plain JSON Vega-Lite specs: one colored line per series, non-drawable points removed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineChart, type Row, thinRows } from '../src/index.js';

interface Layer {
  mark: { type: string };
  encoding: Record<string, { field?: string; scale?: { type: string }; aggregate?: string }>;
}
const layersOf = (spec: unknown) => (spec as { layer: Layer[] }).layer;
const valuesOf = (spec: unknown) => (spec as { data: { values: Row[] } }).data.values;

const runs = (n: number): Row[] => ['adam', 'sgd'].flatMap((run) => Array.from({ length: n }, (_, i) => ({ run, step: i + 1, loss: 1 / (i + 1) })));

describe('lineChart', () => {
  it('encodes x, y, the series as color, and the log scale', () => {
    const spec = lineChart({ title: 'loss', x: { field: 'step', title: 'step' }, y: { field: 'loss', title: 'loss', scale: 'log' }, series: 'run', data: runs(5) });
    const [line] = layersOf(spec);
    expect(line.mark.type).toBe('line');
    expect(line.encoding.x.field).toBe('step');
    expect(line.encoding.y.scale?.type).toBe('log');
    expect(line.encoding.color.field).toBe('run');
    expect(valuesOf(spec)).toHaveLength(10);
    // Plain JSON: survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('drops NaN, infinite and (on a log axis) non-positive points and says how many', () => {
    const data: Row[] = [
      { run: 'a', step: 1, loss: 1 },
      { run: 'a', step: 2, loss: Number.NaN },
      { run: 'a', step: 3, loss: 0 },
      { run: 'a', step: Number.POSITIVE_INFINITY, loss: 1 },
      { run: 'a', step: 5, loss: null },
      { run: 'a', step: 6, loss: 0.5 },
    ];
    const spec = lineChart({ title: 't', x: { field: 'step', title: 's' }, y: { field: 'loss', title: 'l', scale: 'log' }, series: 'run', data });
    expect(valuesOf(spec).map((r) => r.step)).toEqual([1, 6]);
    expect(JSON.stringify(spec)).toContain('4 non-finite or non-positive points not drawn');
    const linear = lineChart({ title: 't', x: { field: 'step', title: 's' }, y: { field: 'loss', title: 'l' }, data });
    expect(valuesOf(linear).map((r) => r.step)).toEqual([1, 3, 6]);
  });

  it('an empty or all-NaN series gives a frame with a "no finite data" note, not an empty-domain line', () => {
    for (const data of [[], [{ step: 1, loss: Number.NaN }]]) {
      const spec = lineChart({ title: 't', x: { field: 'step', title: 's' }, y: { field: 'loss', title: 'l', scale: 'log' }, data });
      expect(layersOf(spec).map((l) => l.mark.type)).toEqual(['text']);
      expect(JSON.stringify(spec)).toContain('no finite data to plot');
    }
  });

  it('seed bands: one row per (series, x) with the mean and mean ± std; an area under the mean line', () => {
    const data: Row[] = [1, 3].flatMap((v) => [{ run: 'a', step: 1, loss: v }, { run: 'a', step: 2, loss: 10 * v }, { run: 'b', step: 1, loss: 5 }]);
    const spec = lineChart({ title: 't', x: { field: 'step', title: 's' }, y: { field: 'loss', title: 'l' }, series: 'run', data, seedBand: true });
    const [band, line] = layersOf(spec);
    expect(band.mark.type).toBe('area');
    expect(line.encoding.y.field).toBe('loss');
    const values = valuesOf(spec).map((r) => [r.run, r.step, r.loss, r.__band_lower, r.__band_upper, r.__band_n]);
    expect(values).toEqual([
      ['a', 1, 2, 1, 3, 2],
      ['a', 2, 20, 10, 30, 2],
      ['b', 1, 5, 5, 5, 2],
    ]);
    const log = lineChart({ title: 't', x: { field: 'step', title: 's' }, y: { field: 'loss', title: 'l', scale: 'log' }, data: [{ step: 1, loss: 0.01 }, { step: 1, loss: 10 }], seedBand: true });
    // mean 5.005 − std 4.995 = 0.01 > 0 stays; a band reaching ≤ 0 would be raised to the smallest value.
    expect(valuesOf(log)[0].__band_lower).toBeCloseTo(0.01, 12);
    const neg = lineChart({ title: 't', x: { field: 'step', title: 's' }, y: { field: 'loss', title: 'l', scale: 'log' }, data: [0.01, 0.01, 10].map((loss) => ({ step: 1, loss })), seedBand: true });
    expect(valuesOf(neg)[0].__band_lower).toBe(0.01);
  });

  it('refuses an unknown scale and an empty field, naming them', () => {
    expect(() => lineChart({ title: 't', x: { field: 'step', title: 's' }, y: { field: 'l', title: 'l', scale: 'sqrt' as 'log' }, data: [] })).toThrow(
      /axis 'l' scale must be 'linear' or 'log', got "sqrt"/,
    );
    expect(() => lineChart({ title: 't', x: { field: '', title: 's' }, y: { field: 'l', title: 'l' }, data: [] })).toThrow(/x\.field must be a non-empty field name/);
  });

  it('130,000 points per series build without touching the call stack, thinned to the cap', () => {
    const data = runs(130_000);
    const spec = lineChart({ title: 't', x: { field: 'step', title: 's' }, y: { field: 'loss', title: 'l', scale: 'log' }, series: 'run', data });
    expect(valuesOf(spec).length).toBeLessThanOrEqual(2 * 4001);
    const all = lineChart({ title: 't', x: { field: 'step', title: 's' }, y: { field: 'loss', title: 'l' }, series: 'run', data, maxPointsPerSeries: Number.POSITIVE_INFINITY });
    expect(valuesOf(all)).toHaveLength(260_000);
  });
});

describe('thinRows', () => {
  it('property: keeps each series\' first, last, minimum and maximum, in order, within the cap', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 600 }), fc.integer({ min: 3, max: 200 }), (ys, max) => {
        const rows = ys.map((y, i) => ({ s: 'a', x: i, y }));
        const out = thinRows(rows, { series: 's', y: 'y', max });
        const xs = out.map((r) => r.x as number);
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 3) + 1);
        for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]);
        expect(xs[0]).toBe(0);
        expect(xs.at(-1)).toBe(ys.length - 1);
        let lo = ys[0];
        let hi = ys[0];
        for (const v of ys) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
        const kept = out.map((r) => r.y as number);
        expect(kept).toContain(lo);
        expect(kept).toContain(hi);
      }),
      { numRuns: 200 },
    );
  });
});

describe('trainingChart', () => {
  it('every standard figure renders its metric with its scale, and an unknown one lists them', async () => {
    const { TRAINING_FIGURES, trainingChart } = await import('../src/index.js');
    for (const [name, f] of Object.entries(TRAINING_FIGURES)) {
      const spec = trainingChart(name as keyof typeof TRAINING_FIGURES, { data: [{ run: 'a', [f.x]: 1, [f.field]: 0.5 }] });
      const [line] = layersOf(spec);
      expect(line.encoding.y.field, name).toBe(f.field);
      expect(line.encoding.y.scale?.type, name).toBe(f.scale);
      expect(valuesOf(spec), name).toHaveLength(1);
    }
    expect(() => trainingChart('lr' as 'loss', { data: [] })).toThrow(/unknown figure "lr"; expected one of loss, testAccuracy/);
  });
});
