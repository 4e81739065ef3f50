/**
 * AdamS's scheduled weight decay next to AdamW's: on a noisy quadratic whose minimum is away from 0,
 * AdamW shrinks w by η·λ each step, AdamS by η·λ/√v̄ (v̄ the mean of Adam's second moment), so its
 * decay follows the gradient scale; ‖w‖ over the steps for both and for Adam without decay.
 */
import { Rng } from '@gapkit/autodiff';
import { OPTIMIZERS } from '@gapkit/optimizers';
import { drawPlot } from './canvas-plot.js';
import type { ExplorableSpec } from './explorable.js';
import { toyRun } from './toy-run.js';

const STEPS = 300;
const LR = 0.05;
const CENTER = [3, 1];
const KAPPA = 10;

function noisyGradient(seed: number, scale: number): (w: Float32Array) => Float32Array {
  const rng = new Rng(seed);
  return (w) => Float32Array.of(scale * (w[0] - CENTER[0] + 0.5 * rng.normal()), scale * (KAPPA * (w[1] - CENTER[1]) + 0.5 * rng.normal()));
}

const norms = (path: Float32Array[]) => path.map((w, t) => [t, Math.hypot(w[0], w[1])] as [number, number]);

export const adamsExplorable: ExplorableSpec = {
  id: 'adams',
  title: 'AdamS vs AdamW: weight decay scaled by √v̄',
  paper: 'Xie et al., "On the Overlooked Pitfalls of Weight Decay and How to Mitigate Them: A Gradient-Norm Perspective", NeurIPS 2023, arXiv:2011.11152',
  docs: 'docs/papers/adams-sgds.md',
  blurb: `Noisy quadratic with its minimum at (${CENTER.join(', ')}), η = ${LR}, ${STEPS} steps. AdamW decays by η·λ·w, AdamS by η·λ·w/√v̄. Scale the loss: AdamW's pull toward 0 stays the same while AdamS's follows the gradient scale.`,
  sliders: [
    { key: 'weightDecay', label: 'λ', min: -3, max: 0.5, step: 0.05, value: -1, map: (x) => 10 ** x },
    { key: 'scale', label: 'loss scale', min: -2, max: 2, step: 0.1, value: 0, map: (x) => 10 ** x },
  ],
  render(canvas, v) {
    const g = () => noisyGradient(5, v.scale);
    const start = [0.5, 0.5];
    const adams = toyRun((ps) => OPTIMIZERS.adams.create(ps, { lr: LR, weightDecay: v.weightDecay }), start, [2], g(), STEPS);
    const adamw = toyRun((ps) => OPTIMIZERS.adamw.create(ps, { lr: LR, weightDecay: v.weightDecay }), start, [2], g(), STEPS);
    const adam = toyRun((ps) => OPTIMIZERS.adam.create(ps, { lr: LR }), start, [2], g(), STEPS);
    drawPlot(
      canvas,
      [
        { label: 'AdamS ‖w‖', color: '#d62728', points: norms(adams.path) },
        { label: 'AdamW ‖w‖', color: '#1f77b4', points: norms(adamw.path) },
        { label: 'Adam (no decay) ‖w‖', color: '#555', points: norms(adam.path), dashed: true },
      ],
      { legend: 'bottom-right', xLabel: 'step', yLabel: '‖w‖' },
    );
    const sqrtVBar = adams.diagnostics.at(-1)?.extra.sqrtVBar;
    const sv = typeof sqrtVBar === 'number' ? sqrtVBar : Number.NaN;
    const end = (r: { path: Float32Array[] }) => norms(r.path).at(-1)?.[1].toFixed(3) ?? '?';
    return `final ‖w‖: AdamS ${end(adams)}, AdamW ${end(adamw)}, Adam ${end(adam)}; per-step decay AdamW ηλ = ${(LR * v.weightDecay).toExponential(2)}, AdamS ηλ/√v̄ = ${((LR * v.weightDecay) / sv).toExponential(2)} (√v̄ = ${sv.toExponential(2)})`;
  },
};
