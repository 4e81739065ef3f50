/**
 * The experiment reports' usual figure: one curve per setting over epochs (or steps), the mean over
 * seeds with a band of ± one standard deviation, written through {@link ReportContext.figure}.
 */
import { lineChart, type Row } from '@gapkit/plots';
import type { ReportContext } from './experiment.js';

export interface SettingFigure {
  readonly title: string;
  readonly subtitle: string;
  /** `epoch` (points marked, whole-number ticks unless `fractional`) or `step` (whole-number ticks, no points). */
  readonly x: 'epoch' | 'step';
  readonly y: string;
  readonly log?: boolean;
  /** Epoch values that are not whole (evaluations inside an epoch). */
  readonly fractional?: boolean;
  /** Rows with `x`, `value` and `setting`. */
  readonly data: readonly Row[];
  readonly caption: string;
}

export function settingFigure(ctx: ReportContext, name: string, f: SettingFigure): Promise<string> {
  const byEpoch = f.x === 'epoch';
  const spec = lineChart({
    title: f.title,
    subtitle: f.subtitle,
    x: { field: f.x, title: f.x, ...(!(byEpoch && f.fractional) ? { integer: true } : {}) },
    y: { field: 'value', title: f.y, ...(f.log ? { scale: 'log' as const } : {}) },
    series: 'setting',
    data: f.data,
    seedBand: true,
    ...(byEpoch ? { points: true } : {}),
  });
  return ctx.figure(name, spec, f.caption);
}

/** Test accuracy (%) per epoch, one curve per setting. */
export function testAccuracyFigure(ctx: ReportContext, data: readonly Row[], subtitle: string, caption = 'Test accuracy per epoch.', fractional = false): Promise<string> {
  return settingFigure(ctx, 'test-accuracy', { title: 'test accuracy per epoch', subtitle, x: 'epoch', y: 'accuracy (%)', data, caption, fractional });
}
