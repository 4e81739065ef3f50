/**
 * Cleaning and thinning the rows a chart draws. JSON has no NaN or Infinity (they would become `null`),
 * and a log axis cannot place a value ≤ 0, so such points are dropped before they reach the spec; with
 * them gone an empty or all-NaN series simply draws nothing. Everything here loops — no `Math.min(...xs)`
 * — so 10⁵–10⁶ points never touch the call stack.
 */

/** One data row: field → number, string (a series name) or null. */
export type Row = Readonly<Record<string, number | string | null | undefined>>;

/** Whether `v` can be drawn on an axis of this scale. */
export function drawable(v: unknown, scale: 'linear' | 'log'): v is number {
  return typeof v === 'number' && Number.isFinite(v) && (scale === 'linear' || v > 0);
}

/** The rows whose `x` and `y` (and band fields, when given) are drawable; the others are counted. */
export function cleanRows(
  rows: readonly Row[],
  fields: { x: string; y: readonly string[]; xScale: 'linear' | 'log'; yScale: 'linear' | 'log' },
): { rows: Row[]; dropped: number } {
  const out: Row[] = [];
  for (const r of rows) {
    if (!drawable(r[fields.x], fields.xScale)) continue;
    let ok = true;
    for (const f of fields.y) if (!drawable(r[f], fields.yScale)) ok = false;
    if (ok) out.push(r);
  }
  return { rows: out, dropped: rows.length - out.length };
}

/**
 * At most `max` rows per series, keeping each bucket's first row and the rows with its lowest and highest
 * `y`, so spikes survive thinning (min/max decimation). Rows stay in their order within each series.
 */
export function thinRows(rows: readonly Row[], options: { series: string | undefined; y: string; max: number }): Row[] {
  const { series, y, max } = options;
  if (!Number.isFinite(max) || rows.length <= max) return [...rows];
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = series === undefined ? '' : String(r[series]);
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const out: Row[] = [];
  const perBucket = 3;
  for (const g of groups.values()) {
    if (g.length <= max) {
      for (const r of g) out.push(r);
      continue;
    }
    const buckets = Math.max(1, Math.floor(max / perBucket));
    const size = g.length / buckets;
    for (let b = 0; b < buckets; b++) {
      const lo = Math.floor(b * size);
      const hi = Math.min(g.length, Math.floor((b + 1) * size));
      let iMin = lo;
      let iMax = lo;
      for (let i = lo + 1; i < hi; i++) {
        const v = g[i][y] as number;
        if (v < (g[iMin][y] as number)) iMin = i;
        if (v > (g[iMax][y] as number)) iMax = i;
      }
      const keep = [...new Set([lo, iMin, iMax])].sort((a, b2) => a - b2);
      for (const i of keep) out.push(g[i]);
    }
    const last = g[g.length - 1];
    if (out[out.length - 1] !== last) out.push(last);
  }
  return out;
}
