/**
 * A live line chart on uPlot (canvas): one x axis (the step) and one line per run. `update` replaces
 * the data; uPlot redraws in one pass (the page reports the mean time per update, drawing included).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export const RUN_COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

export class LiveChart {
  private readonly plot: uPlot;
  private readonly series: number;
  /** Redraws and the milliseconds they took in all. */
  redraws = 0;
  redrawMs = 0;

  readonly title: string;

  constructor(host: HTMLElement, title: string, labels: readonly string[], options: { log?: boolean } = {}) {
    this.title = title;
    this.series = labels.length;
    const opts: uPlot.Options = {
      title,
      width: 420,
      height: 220,
      scales: { x: { time: false }, y: options.log ? { distr: 3 } : {} },
      axes: [{ label: 'step' }, {}],
      series: [{ label: 'step' }, ...labels.map((label, i) => ({ label, stroke: RUN_COLORS[i % RUN_COLORS.length], width: 2, spanGaps: true }))],
      legend: { show: true },
    };
    const empty: uPlot.AlignedData = [[], ...labels.map(() => [])];
    this.plot = new uPlot(opts, empty, host);
  }

  /** `x` the steps, `ys[i]` run i's values at those steps (null where it has none). */
  update(x: readonly number[], ys: readonly (readonly (number | null)[])[]): void {
    if (ys.length !== this.series) throw new Error(`chart '${this.title}': got ${ys.length} series, expected ${this.series}`);
    const t0 = performance.now();
    this.plot.setData([x as number[], ...ys.map((y) => y as (number | null)[])]);
    // uPlot draws in a microtask it queued inside setData; this one runs after it, so the time includes the drawing.
    queueMicrotask(() => {
      this.redrawMs += performance.now() - t0;
      this.redraws++;
    });
  }

  destroy(): void {
    this.plot.destroy();
  }
}
