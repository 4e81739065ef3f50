/**
 * LAWN's two phases on a tiny linear classifier (two Gaussian blobs in ℝ², logits z = W·x): Adam-LAWN
 * trains freely for E_free steps, then holds each weight's norm at its value at the switch, so the
 * logit norm stops growing; plain Adam's keeps growing on separable data.
 */
import { Rng } from '@gapkit/autodiff';
import { OPTIMIZERS, type StepDiagnostics } from '@gapkit/optimizers';
import { drawPlot } from './canvas-plot.js';
import type { ExplorableSpec } from './explorable.js';
import { toyRun } from './toy-run.js';

const STEPS = 300;
const POINTS = 40;

function blobs(): { x: Float64Array; y: Int32Array } {
  const rng = new Rng(11);
  const x = new Float64Array(POINTS * 2);
  const y = new Int32Array(POINTS);
  for (let i = 0; i < POINTS; i++) {
    y[i] = i % 2;
    const c = y[i] === 0 ? -1.5 : 1.5;
    x[2 * i] = c + 0.6 * rng.normal();
    x[2 * i + 1] = 0.5 * c + 0.6 * rng.normal();
  }
  return { x, y };
}

const DATA = blobs();

/** Mean softmax cross-entropy gradient w.r.t. W (2×2, row-major) and the mean logit norm. */
function lossGradient(w: Float32Array): { grad: Float32Array; logitNorm: number } {
  const grad = new Float32Array(4);
  let norm = 0;
  for (let i = 0; i < POINTS; i++) {
    const x0 = DATA.x[2 * i];
    const x1 = DATA.x[2 * i + 1];
    const z0 = w[0] * x0 + w[1] * x1;
    const z1 = w[2] * x0 + w[3] * x1;
    norm += Math.hypot(z0, z1);
    const m = Math.max(z0, z1);
    const e0 = Math.exp(z0 - m);
    const e1 = Math.exp(z1 - m);
    const p0 = e0 / (e0 + e1) - (DATA.y[i] === 0 ? 1 : 0);
    const p1 = e1 / (e0 + e1) - (DATA.y[i] === 1 ? 1 : 0);
    grad[0] += (p0 * x0) / POINTS;
    grad[1] += (p0 * x1) / POINTS;
    grad[2] += (p1 * x0) / POINTS;
    grad[3] += (p1 * x1) / POINTS;
  }
  return { grad, logitNorm: norm / POINTS };
}

const logitNorms = (path: Float32Array[]) => path.map((w, t) => [t, lossGradient(w).logitNorm] as [number, number]);

function switchStep(d: readonly StepDiagnostics[]): number | null {
  const i = d.findIndex((x) => x.extra.phase === 'constrained');
  return i < 0 ? null : i + 1;
}

export const lawnExplorable: ExplorableSpec = {
  id: 'lawn',
  title: 'LAWN: free phase, then constrained weight norm — the logit norm',
  paper: 'Gupta et al., "Logit Attenuating Weight Normalization", arXiv:2108.05839',
  docs: 'docs/papers/lawn.md',
  blurb: `Two separable blobs, a 2×2 linear classifier, η = 0.05, ${STEPS} steps. After E_free free steps Adam-LAWN keeps ‖W‖ at its value at the switch: the mean logit norm ‖z‖ levels off, while Adam's keeps growing.`,
  sliders: [{ key: 'freeSteps', label: 'E_free (steps)', min: 1, max: 250, step: 1, value: 40 }],
  render(canvas, v) {
    const start = [0.1, -0.05, -0.1, 0.05];
    const grad = (w: Float32Array) => lossGradient(w).grad;
    const lawn = toyRun((ps) => OPTIMIZERS['adam-lawn'].create(ps, { lr: 0.05, freeSteps: v.freeSteps }), start, [2, 2], grad, STEPS);
    const adam = toyRun((ps) => OPTIMIZERS.adam.create(ps, { lr: 0.05 }), start, [2, 2], grad, STEPS);
    const at = switchStep(lawn.diagnostics);
    drawPlot(
      canvas,
      [
        { label: 'Adam-LAWN ‖z‖', color: '#d62728', points: logitNorms(lawn.path) },
        { label: 'Adam ‖z‖', color: '#1f77b4', points: logitNorms(adam.path), dashed: true },
      ],
      { legend: 'bottom-right', xLabel: 'step', yLabel: 'mean ‖z‖', marks: at === null ? [] : [{ x: at, label: 'free → constrained' }] },
    );
    const lawnEnd = logitNorms(lawn.path).at(-1)?.[1] ?? Number.NaN;
    const adamEnd = logitNorms(adam.path).at(-1)?.[1] ?? Number.NaN;
    const phase = lawn.diagnostics.at(-1)?.extra.phase;
    return `switch at step ${at ?? 'never'}; final phase ${String(phase)}; final mean ‖z‖: Adam-LAWN ${lawnEnd.toFixed(3)}, Adam ${adamEnd.toFixed(3)}`;
  },
};
