/** Terminal sparkline: a series as ▁▂▃▄▅▆▇█, resampled to `width` columns. */
const BARS = '▁▂▃▄▅▆▇█';

export function sparkline(values: readonly number[], width = 40): string {
  const v = values.filter(Number.isFinite);
  if (v.length === 0) return '';
  const cols = Math.min(width, v.length);
  const sampled = Array.from({ length: cols }, (_, i) => v[Math.floor((i * v.length) / cols)]);
  const lo = Math.min(...sampled);
  const hi = Math.max(...sampled);
  return sampled.map((x) => BARS[hi > lo ? Math.round(((x - lo) / (hi - lo)) * (BARS.length - 1)) : 0]).join('');
}
