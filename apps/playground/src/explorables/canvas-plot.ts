/** Small canvas drawings for the explorables: a 2-D plane with level sets and paths, and step series. */

export interface Series {
  readonly label: string;
  readonly color: string;
  readonly points: readonly (readonly [number, number])[];
  readonly dashed?: boolean;
}

export interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** The box around every point, padded by 5 %. */
export function boxOf(series: readonly Series[]): Box {
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const s of series) {
    for (const [x, y] of s.points) {
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  if (!(x1 > x0)) [x0, x1] = [x0 - 1, x0 + 1];
  if (!(y1 > y0)) [y0, y1] = [y0 - 1, y0 + 1];
  const px = 0.05 * (x1 - x0);
  const py = 0.05 * (y1 - y0);
  return { x0: x0 - px, x1: x1 + px, y0: y0 - py, y1: y1 + py };
}

/** Draws `series` as lines in `box` (with axes labels) and an optional background `level(x, y)` as shading. */
export function drawPlot(
  canvas: HTMLCanvasElement,
  series: readonly Series[],
  options: { box?: Box; level?: (x: number, y: number) => number; xLabel?: string; yLabel?: string; marks?: readonly { x: number; label: string }[]; legend?: 'top-left' | 'bottom-right' } = {},
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('explorable: the canvas has no 2-D context');
  const { width: w, height: h } = canvas;
  const m = 34;
  const box = options.box ?? boxOf(series);
  const sx = (x: number) => m + ((x - box.x0) / (box.x1 - box.x0)) * (w - 2 * m);
  const sy = (y: number) => h - m - ((y - box.y0) / (box.y1 - box.y0)) * (h - 2 * m);
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  if (options.level) {
    const cell = 6;
    for (let px = m; px < w - m; px += cell) {
      for (let py = m; py < h - m; py += cell) {
        const x = box.x0 + ((px - m) / (w - 2 * m)) * (box.x1 - box.x0);
        const y = box.y0 + ((h - m - py) / (h - 2 * m)) * (box.y1 - box.y0);
        const v = options.level(x, y);
        const band = Math.floor(Math.log1p(Math.max(0, v)) * 3) % 2;
        ctx.fillStyle = band === 0 ? '#f3f5fa' : '#e4e9f4';
        ctx.fillRect(px, py, cell, cell);
      }
    }
  }
  ctx.strokeStyle = '#888';
  ctx.lineWidth = 1;
  ctx.strokeRect(m, m, w - 2 * m, h - 2 * m);
  ctx.fillStyle = '#333';
  ctx.font = '11px sans-serif';
  ctx.fillText(box.x0.toPrecision(3), m, h - m + 14);
  ctx.fillText(box.x1.toPrecision(3), w - m - 30, h - m + 14);
  ctx.fillText(box.y1.toPrecision(3), 2, m + 4);
  ctx.fillText(box.y0.toPrecision(3), 2, h - m);
  if (options.xLabel) ctx.fillText(options.xLabel, w / 2 - 20, h - 6);
  if (options.yLabel) ctx.fillText(options.yLabel, m + 4, m - 8);
  for (const mark of options.marks ?? []) {
    ctx.strokeStyle = '#aaa';
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(sx(mark.x), m);
    ctx.lineTo(sx(mark.x), h - m);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillText(mark.label, sx(mark.x) + 3, m + 12);
  }
  series.forEach((s, i) => {
    ctx.strokeStyle = s.color;
    ctx.lineWidth = 2;
    ctx.setLineDash(s.dashed ? [5, 4] : []);
    ctx.beginPath();
    let pen = false;
    for (const [x, y] of s.points) {
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(sx(x), sy(y));
      else ctx.moveTo(sx(x), sy(y));
      pen = true;
    }
    ctx.stroke();
    ctx.setLineDash([]);
    const lx = options.legend === 'bottom-right' ? w - m - 170 : m + 8;
    const ly = options.legend === 'bottom-right' ? h - m - 8 - 13 * (series.length - i) : m + 6 + 13 * i;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
    ctx.fillRect(lx - 3, ly, 166, 13);
    ctx.fillStyle = s.color;
    ctx.fillText(s.label, lx, ly + 10);
  });
}
