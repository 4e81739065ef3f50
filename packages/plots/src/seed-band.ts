/**
 * Seed bands: rows sharing a series and an x (one per seed) become one row holding their mean (under
 * the y field), and `lower` / `upper` = mean ∓ one standard deviation (population, n in the
 * denominator). On a log axis a lower edge at or below zero cannot be drawn, so it is raised to the
 * group's smallest value. Plain loops, in first-seen order of (series, x).
 */
import type { Row } from './rows.js';

export const BAND_LOWER = '__band_lower';
export const BAND_UPPER = '__band_upper';
export const BAND_COUNT = '__band_n';

export function seedBandRows(rows: readonly Row[], options: { x: string; y: string; series: string | undefined; logY: boolean }): Row[] {
  const { x, y, series } = options;
  const groups = new Map<string, { first: Row; sum: number; sumSq: number; n: number; min: number }>();
  for (const r of rows) {
    const v = r[y] as number;
    const key = `${series === undefined ? '' : String(r[series])}\u0000${String(r[x])}`;
    const g = groups.get(key);
    if (g) {
      g.sum += v;
      g.sumSq += v * v;
      g.n++;
      if (v < g.min) g.min = v;
    } else groups.set(key, { first: r, sum: v, sumSq: v * v, n: 1, min: v });
  }
  const out: Row[] = [];
  for (const g of groups.values()) {
    const mean = g.sum / g.n;
    const std = Math.sqrt(Math.max(0, g.sumSq / g.n - mean * mean));
    let lower = mean - std;
    if (options.logY && lower <= 0) lower = g.min;
    const row: Record<string, number | string | null | undefined> = { [x]: g.first[x], [y]: mean, [BAND_LOWER]: lower, [BAND_UPPER]: mean + std, [BAND_COUNT]: g.n };
    if (series !== undefined) row[series] = g.first[series];
    out.push(row);
  }
  return out;
}
