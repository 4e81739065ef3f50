/**
 * `lineChart`: a Vega-Lite spec of one or more curves over x — training loss per step, accuracy per
 * epoch, effective step size ‖Δw‖/‖w‖, gradient or weight norms — with one colored line per value of
 * the `series` field (runs, optimizers, layers), and optionally a band of mean ± one standard deviation
 * over the rows that share a series and an x (several seeds of a sweep).
 *
 * A pure function of its arguments returning plain JSON: it runs in a browser, the spec can be saved and
 * edited, and `@gapkit/plots/node` renders it to SVG and PNG.
 */
import type { TopLevelSpec } from 'vega-lite';
import { cleanRows, type Row, thinRows } from './rows.js';
import { BAND_LOWER, BAND_UPPER, seedBandRows } from './seed-band.js';
import { FONT_FAMILY } from './theme.js';

/** An axis: the data field it reads, its title, and its scale. */
export interface AxisOptions {
  readonly field: string;
  readonly title: string;
  /** `'log'` for quantities spanning decades (loss, ‖Δw‖/‖w‖, gradient norm); default `'linear'`. */
  readonly scale?: 'linear' | 'log';
  /** Integer-valued (epochs, steps): ticks at whole numbers only. */
  readonly integer?: boolean;
}

export interface LineChartOptions {
  readonly title: string;
  /** Subtitle under the title (smoothing used, data source). */
  readonly subtitle?: string;
  readonly x: AxisOptions;
  readonly y: AxisOptions;
  /** The field that names each curve (e.g. `'run'`); omitted: a single curve. */
  readonly series?: string;
  /** The series' legend title (default: the field name). */
  readonly seriesTitle?: string;
  readonly data: readonly Row[];
  /**
   * Draw the mean over rows sharing (series, x) as the line and mean ± one standard deviation as a
   * shaded band — for several seeds per run (see ./seed-band.ts; on a log axis a lower edge ≤ 0 is
   * raised to the group's smallest value). Default false: every row is a point of its curve.
   */
  readonly seedBand?: boolean;
  /** Mark each data point (for short curves such as one value per epoch); default false. */
  readonly points?: boolean;
  /** Points kept per series (min/max decimation beyond it; default 4,000 — a 640-px plot shows no more). */
  readonly maxPointsPerSeries?: number;
  /** Plot area size in pixels (default 640 × 360). */
  readonly width?: number;
  readonly height?: number;
}

export const DEFAULT_MAX_POINTS_PER_SERIES = 4000;

function scaleOf(axis: AxisOptions): 'linear' | 'log' {
  const s = axis.scale ?? 'linear';
  if (s !== 'linear' && s !== 'log') throw new Error(`lineChart: axis '${axis.field}' scale must be 'linear' or 'log', got ${JSON.stringify(s)}`);
  return s;
}

function axisEncoding(axis: AxisOptions, scale: 'linear' | 'log', zero: boolean, padding = 0): Record<string, unknown> {
  return {
    field: axis.field,
    type: 'quantitative',
    title: axis.title,
    // Log axes: ticks at powers of ten (and 2×, 5× between when they fit), labelled as plain numbers
    // (0.001, 0.01 …) or with SI prefixes for large ones — never a fractional exponent.
    scale: { ...(scale === 'log' ? { type: 'log', base: 10, nice: false } : { type: 'linear', zero, nice: true }), ...(padding > 0 ? { padding } : {}) },
    axis: scale === 'log' ? { format: '~g', labelOverlap: 'greedy' } : { format: '~s', labelOverlap: 'greedy', ...(axis.integer ? { tickMinStep: 1 } : {}) },
  };
}

/**
 * Builds the Vega-Lite spec.
 * @throws Error naming the option when a scale is unknown or a field name is empty.
 */
export function lineChart(options: LineChartOptions): TopLevelSpec {
  const { x, y, series } = options;
  for (const [name, field] of [['x.field', x.field], ['y.field', y.field], ['series', series ?? 'run']] as const) {
    if (typeof field !== 'string' || field.length === 0) throw new Error(`lineChart: ${name} must be a non-empty field name, got ${JSON.stringify(field)}`);
  }
  const xScale = scaleOf(x);
  const yScale = scaleOf(y);
  const clean = cleanRows(options.data, { x: x.field, y: [y.field], xScale, yScale });
  const maxPoints = options.maxPointsPerSeries ?? DEFAULT_MAX_POINTS_PER_SERIES;
  const points = options.seedBand ? seedBandRows(clean.rows, { x: x.field, y: y.field, series, logY: yScale === 'log' }) : clean.rows;
  const rows = thinRows(points, { series, y: y.field, max: maxPoints });

  const color = series
    ? { color: { field: series, type: 'nominal', title: options.seriesTitle ?? series, legend: { orient: 'right', symbolOpacity: 1 } } }
    : {};
  // Marked points get room at the plot's edges instead of being cut in half.
  const pad = options.points ? 8 : 0;
  const xEnc = axisEncoding(x, xScale, false, pad);
  const yEnc = axisEncoding(y, yScale, false, pad);
  const lineMark = { type: 'line', strokeWidth: 1.6, interpolate: 'linear', clip: true, ...(options.points ? { point: true } : {}) };

  const layers: Record<string, unknown>[] = options.seedBand
    ? [
        {
          mark: { type: 'area', opacity: 0.2, clip: true },
          encoding: { x: xEnc, y: { ...yEnc, field: BAND_LOWER }, y2: { field: BAND_UPPER }, ...color },
        },
        { mark: lineMark, encoding: { x: xEnc, y: yEnc, ...color } },
      ]
    : [{ mark: lineMark, encoding: { x: xEnc, y: yEnc, ...color } }];

  if (rows.length === 0) {
    // Nothing drawable: keep the frame and say so, instead of axes over an empty (NaN) domain.
    layers.length = 0;
    layers.push({
      data: { values: [{}] },
      mark: { type: 'text', text: 'no finite data to plot', fontSize: 14, color: '#666' },
      encoding: { x: { value: (options.width ?? 640) / 2 }, y: { value: (options.height ?? 360) / 2 } },
    });
  }

  const subtitle = [options.subtitle, clean.dropped > 0 ? `${clean.dropped} non-finite${yScale === 'log' ? ' or non-positive' : ''} points not drawn` : undefined]
    .filter((s): s is string => s !== undefined)
    .join(' · ');

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: subtitle ? { text: options.title, subtitle } : options.title,
    width: options.width ?? 640,
    height: options.height ?? 360,
    background: 'white',
    padding: 8,
    config: { font: FONT_FAMILY, view: { stroke: '#ddd' }, axis: { grid: true, gridColor: '#eee' } },
    data: { values: rows },
    layer: layers,
  } as unknown as TopLevelSpec; // checked by rendering it in the tests (vega-lite's layer types are too narrow to build up piecewise)
}
