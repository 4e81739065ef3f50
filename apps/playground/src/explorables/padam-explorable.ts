/**
 * Padam's p on a 2-D ill-conditioned quadratic f(x, y) = ½(x² + κ·y²): p = ½ is AMSGrad, p → 0 is
 * SGD with momentum; the three trajectories from the same start, with the registry's optimizers.
 */
import { OPTIMIZERS } from '@gapkit/optimizers';
import { drawPlot } from './canvas-plot.js';
import type { ExplorableSpec } from './explorable.js';
import { toyRun } from './toy-run.js';

const KAPPA = 20;
const START = [-4, 1.5];
const STEPS = 120;
const f = (x: number, y: number) => 0.5 * (x * x + KAPPA * y * y);
const grad = (w: Float32Array) => Float32Array.of(w[0], KAPPA * w[1]);
const points = (path: Float32Array[]) => path.map((w) => [w[0], w[1]] as const);

export const padamExplorable: ExplorableSpec = {
  id: 'padam',
  title: 'Padam: the partial exponent p',
  paper: 'Chen et al., "Closing the Generalization Gap of Adaptive Gradient Methods in Training Deep Neural Networks", IJCAI 2020, arXiv:1806.06763',
  docs: 'docs/papers/padam.md',
  blurb: `f(x, y) = ½(x² + ${KAPPA}y²) from (${START.join(', ')}), ${STEPS} steps. Padam divides the momentum by (v̂)^p: p = ½ is AMSGrad, p → 0 is SGD with momentum. Drag p from ½ to 0.`,
  sliders: [
    { key: 'p', label: 'p', min: 0, max: 0.5, step: 0.005, value: 0.125 },
    { key: 'lr', label: 'η (all three)', min: -3, max: -0.5, step: 0.05, value: -1.5, map: (x) => 10 ** x },
  ],
  render(canvas, v) {
    const lr = v.lr;
    const sgd = toyRun((ps) => OPTIMIZERS.sgd.create(ps, { lr, momentum: 0.9 }), START, [2], grad, STEPS);
    const padam = toyRun((ps) => OPTIMIZERS.padam.create(ps, { lr, p: v.p, weightDecay: 0 }), START, [2], grad, STEPS);
    const ams = toyRun((ps) => OPTIMIZERS.amsgrad.create(ps, { lr }), START, [2], grad, STEPS);
    const runs = [
      { label: 'SGD-momentum (μ = 0.9)', color: '#2ca02c', points: points(sgd.path) },
      { label: `Padam (p = ${v.p.toFixed(3)})`, color: '#d62728', points: points(padam.path) },
      { label: 'AMSGrad', color: '#1f77b4', points: points(ams.path), dashed: true },
    ];
    drawPlot(canvas, runs, { box: { x0: -5, x1: 5, y0: -2.5, y1: 2.5 }, level: f, xLabel: 'x', yLabel: 'y' });
    const last = (r: { path: Float32Array[] }) => {
      const w = r.path[r.path.length - 1];
      return f(w[0], w[1]).toExponential(2);
    };
    return `final f: SGD ${last(sgd)}, Padam ${last(padam)}, AMSGrad ${last(ams)}`;
  },
};
