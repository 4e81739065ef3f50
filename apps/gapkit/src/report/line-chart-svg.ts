/**
 * A dependency-free SVG line chart: one panel, several named series over a shared x axis, with axes,
 * ticks, a legend and optional log-y. Used for loss/accuracy curves that people would rather look at.
 */
export interface Series {
  readonly name: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
}

export interface ChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly width?: number;
  readonly height?: number;
  readonly logY?: boolean;
}

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

/** "Nice" tick values covering [lo, hi] (1, 2, 5 × 10^k steps). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  // Ticks are k·step for whole k, written with step's own decimals (no drift from repeated addition,
  // no rounding to a fixed number of significant digits, which fails for a narrow range far from 0).
  const decimals = Math.min(100, Math.max(0, -Math.floor(Math.log10(step))));
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step); k * step <= hi + step * 1e-9; k++) ticks.push(Number((k * step).toFixed(decimals)));
  return ticks;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function lineChartSvg(series: readonly Series[], opts: ChartOptions): string {
  const W = opts.width ?? 720;
  const H = opts.height ?? 420;
  const m = { left: 70, right: 170, top: 40, bottom: 50 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const fy = (v: number): number => (opts.logY ? Math.log10(Math.max(v, 1e-12)) : v);
  const finite = series.flatMap((s) => s.y.map(fy).filter(Number.isFinite));
  const xs = series.flatMap((s) => s.x);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  let y0 = Math.min(...finite);
  let y1 = Math.max(...finite);
  if (!(y1 > y0)) {
    y0 -= 0.5;
    y1 += 0.5;
  }
  const sx = (v: number): number => m.left + ((v - x0) / (x1 - x0 || 1)) * pw;
  const sy = (v: number): number => m.top + ph - ((fy(v) - y0) / (y1 - y0)) * ph;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(opts.title)}</title>`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2 - m.right / 2 + m.left / 2}" y="22" text-anchor="middle" font-size="15">${escapeXml(opts.title)}</text>`,
    `<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`,
  ];
  for (const t of niceTicks(x0, x1)) {
    const x = sx(t);
    out.push(`<line x1="${x}" y1="${m.top + ph}" x2="${x}" y2="${m.top + ph + 5}" stroke="#333"/>`);
    out.push(`<text x="${x}" y="${m.top + ph + 18}" text-anchor="middle">${t}</text>`);
  }
  for (const t of niceTicks(y0, y1)) {
    const y = m.top + ph - ((t - y0) / (y1 - y0)) * ph;
    const label = opts.logY ? `1e${t}` : String(t);
    out.push(`<line x1="${m.left}" y1="${y}" x2="${m.left + pw}" y2="${y}" stroke="#eee"/>`);
    out.push(`<text x="${m.left - 6}" y="${y + 4}" text-anchor="end">${label}</text>`);
  }
  out.push(`<text x="${m.left + pw / 2}" y="${H - 10}" text-anchor="middle">${escapeXml(opts.xLabel)}</text>`);
  out.push(
    `<text transform="translate(16 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">${escapeXml(opts.yLabel)}${opts.logY ? ' (log)' : ''}</text>`,
  );
  series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const pts = s.x
      .map((x, k) => [x, s.y[k]] as const)
      .filter(([, y]) => Number.isFinite(fy(y)))
      .map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`);
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="1.8" points="${pts.join(' ')}"/>`);
    const ly = m.top + 14 + i * 18;
    out.push(`<line x1="${m.left + pw + 12}" y1="${ly - 4}" x2="${m.left + pw + 32}" y2="${ly - 4}" stroke="${color}" stroke-width="3"/>`);
    out.push(`<text x="${m.left + pw + 38}" y="${ly}">${escapeXml(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
