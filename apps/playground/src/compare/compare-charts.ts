/** The four live charts of a comparison: training loss, test accuracy, effective step ‖Δw‖/‖w‖, weight norm ‖w‖ (first parameter group). */
import { LiveChart } from '../charts/live-chart.js';
import type { RunState } from './comparison.js';

export class CompareCharts {
  private readonly charts: { chart: LiveChart; value: (r: RunState, step: number) => number | null }[];

  constructor(host: HTMLElement, labels: readonly string[]) {
    host.replaceChildren();
    const box = (id: string): HTMLElement => {
      const el = document.createElement('div');
      el.className = 'chart';
      el.id = id;
      host.append(el);
      return el;
    };
    const stepValue = (pick: (s: RunState['steps'][number]) => number) => (r: RunState, step: number) => {
      const s = r.steps[step - 1];
      return s === undefined ? null : pick(s);
    };
    this.charts = [
      { chart: new LiveChart(box('chart-loss'), 'training loss', labels, { log: true }), value: stepValue((s) => s.loss) },
      {
        chart: new LiveChart(box('chart-accuracy'), 'test accuracy', labels),
        value: (r, step) => r.evals.find((e) => e.step === step)?.accuracy ?? null,
      },
      { chart: new LiveChart(box('chart-effective-step'), 'effective step ‖Δw‖/‖w‖', labels, { log: true }), value: stepValue((s) => s.effectiveStep[0] ?? Number.NaN) },
      { chart: new LiveChart(box('chart-weight-norm'), 'weight norm ‖w‖', labels), value: stepValue((s) => s.weightNorm[0] ?? Number.NaN) },
    ];
  }

  update(runs: readonly RunState[]): void {
    const last = Math.max(0, ...runs.map((r) => r.steps.length));
    const x = Array.from({ length: last }, (_, i) => i + 1);
    for (const c of this.charts) c.chart.update(x, runs.map((r) => x.map((step) => c.value(r, step))));
  }

  /** Mean milliseconds per redraw over every chart so far. */
  meanRedrawMs(): number {
    const n = this.charts.reduce((a, c) => a + c.chart.redraws, 0);
    return n === 0 ? 0 : this.charts.reduce((a, c) => a + c.chart.redrawMs, 0) / n;
  }

  destroy(): void {
    for (const c of this.charts) c.chart.destroy();
  }
}
