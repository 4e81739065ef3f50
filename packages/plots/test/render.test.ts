/**
 * Rendering through the real libraries: vega-lite → vega View (renderer 'none') → SVG, resvg → PNG with
 * the bundled DejaVu fonts. Checks what the old hand-drawn SVG got wrong: log-axis labels, 130k
 * points, and NaN for an empty series.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { lineChart, type Row } from '../src/index.js';
import { fontFiles, renderPng, renderSvg, writeFigure } from '../src/node/index.js';
import { axisLabels, yLabels } from './svg-labels.js';

const curve = (n: number, f: (i: number) => number, run = 'a'): Row[] => Array.from({ length: n }, (_, i) => ({ run, step: i + 1, y: f(i) }));
const chart = (data: Row[], scale: 'linear' | 'log' = 'log', extra: object = {}) =>
  lineChart({ title: 'test', x: { field: 'step', title: 'step' }, y: { field: 'y', title: 'y', scale }, series: 'run', data, ...extra });

/** A label is a plain number d × 10^k with d an integer 1–9 (what a log axis should print). */
function isPowerOfTenMultiple(label: string): boolean {
  const v = Number(label);
  if (!(v > 0) || /e/i.test(label)) return false;
  const k = Math.floor(Math.log10(v) + 1e-9);
  const d = v / 10 ** k;
  return Math.abs(d - Math.round(d)) < 1e-6 && Math.round(d) >= 1 && Math.round(d) <= 9;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('log axes', () => {
  for (const [name, lo, hi] of [
    ['four decades', 1e-4, 1],
    ['within one decade', 0.3, 0.9],
    ['across 1', 0.5, 3],
    ['large values', 10, 1e6],
  ] as const) {
    it(`labels are plain numbers d×10^k, never fractional exponents (${name})`, async () => {
      const svg = await renderSvg(chart(curve(200, (i) => lo * (hi / lo) ** (i / 199))));
      const labels = yLabels(svg);
      expect(labels.length, labels.join(' ')).toBeGreaterThanOrEqual(2);
      for (const l of labels) expect(isPowerOfTenMultiple(l.replace(/,/g, '')), `label ${l}`).toBe(true);
      expect(svg).not.toMatch(/1e-0\.\d/);
    });
  }
});

describe('hard data', () => {
  it('130,000 points per series render (thinned by default, and all of them when asked)', async () => {
    const data = [...curve(130_000, (i) => 2 / Math.sqrt(i + 1), 'a'), ...curve(130_000, (i) => 1 / Math.sqrt(i + 1), 'b')];
    const svg = await renderSvg(chart(data));
    expect(svg.match(/class="mark-line role-mark/g)?.length).toBeGreaterThanOrEqual(1);
    expect(svg).toContain('>a<');
    expect(svg).toContain('>b<');
    const full = await renderSvg(chart(data.slice(0, 130_000), 'log', { maxPointsPerSeries: Number.POSITIVE_INFINITY }));
    expect(full.length).toBeGreaterThan(130_000 * 5);
  });

  it('an empty series and an all-NaN series draw no NaN', async () => {
    for (const data of [[], curve(10, () => Number.NaN)]) {
      for (const scale of ['linear', 'log'] as const) {
        const svg = await renderSvg(chart(data, scale));
        expect(svg).not.toContain('NaN');
        expect(svg).toContain('no finite data to plot');
      }
    }
  });

  it('an all-NaN series beside a good one: the good one is drawn, no NaN', async () => {
    const svg = await renderSvg(chart([...curve(50, (i) => 1 / (i + 1), 'good'), ...curve(50, () => Number.NaN, 'bad')]));
    expect(svg).not.toContain('NaN');
    expect(svg).toContain('>good<');
    expect(axisLabels(svg).length).toBe(2);
  });

  it('seed bands render an area for mean ± std', async () => {
    const data = [1, 2, 3].flatMap((seed) => curve(30, (i) => 1 / (i + 1) + 0.05 * seed, 'adam').map((r) => ({ ...r, seed })));
    const svg = await renderSvg(chart(data, 'linear', { seedBand: true }));
    expect(svg).toMatch(/role-mark.*?area|mark-area/);
    expect(svg).not.toContain('NaN');
  });

  it('a seed band whose mean − std falls below zero on a log axis draws no NaN', async () => {
    const data = [1, 2, 3].flatMap((seed) => curve(40, () => (seed === 1 ? 10 : 0.01), 'a').map((r) => ({ ...r, seed })));
    const svg = await renderSvg(chart(data, 'log', { seedBand: true }));
    expect(svg).not.toContain('NaN');
    expect(yLabels(svg).length).toBeGreaterThanOrEqual(2);
  });
});

describe('PNG', () => {
  it('text renders with the bundled font and no system fonts', () => {
    expect(fontFiles().every((f) => f.endsWith('.ttf'))).toBe(true);
    const svg = (text: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="5" y="28" font-family="DejaVu Sans" font-size="20">${text}</text></svg>`;
    // Dark pixels of the rendered text: none when the font is missing (resvg then drops the text).
    const pixels = (text: string) => {
      const r = new Resvg(svg(text), { background: 'white', font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } }).render().pixels;
      let dark = 0;
      for (let i = 0; i < r.length; i += 4) if (r[i] < 128) dark++;
      return dark;
    };
    expect(pixels('‖Δw‖/‖w‖')).toBeGreaterThan(50);
    expect(pixels('')).toBe(0);
    const png = renderPng(svg('loss'));
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR width and height: 2× the SVG's 120 × 40.
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([240, 80]);
  });

  it('writeFigure writes the spec, the SVG and the PNG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gapkit-plots-'));
    dirs.push(dir);
    const spec = chart(curve(100, (i) => 1 / (i + 1)));
    const out = await writeFigure(spec, join(dir, 'plots'), 'loss');
    expect(readdirSync(join(dir, 'plots')).sort()).toEqual(['loss.png', 'loss.svg', 'loss.vl.json']);
    expect(JSON.parse(readFileSync(out.spec, 'utf8'))).toEqual(JSON.parse(JSON.stringify(spec)));
    expect(readFileSync(out.svg, 'utf8')).toMatch(/^<svg/);
    expect(readFileSync(out.png).subarray(1, 4).toString()).toBe('PNG');
    await expect(writeFigure(spec, dir, '../escape')).rejects.toThrow(/plain file name/);
  });
});

describe('integer axes', () => {
  it('an epoch axis over 1…2 ticks at whole numbers only', async () => {
    const data = [{ run: 'a', epoch: 1, y: 80 }, { run: 'a', epoch: 2, y: 90 }];
    const svg = await renderSvg(lineChart({ title: 't', x: { field: 'epoch', title: 'epoch', integer: true }, y: { field: 'y', title: 'y' }, series: 'run', data, points: true }));
    const x = axisLabels(svg).find((a) => a.anchor !== 'end');
    expect(x?.labels).toEqual(['1', '2']);
  });
});
