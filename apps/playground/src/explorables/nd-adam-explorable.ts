/**
 * ND-Adam's angular step: one weight vector w ∈ ℝ² that ND-Adam keeps on the unit circle, a noisy
 * linear loss −t·w pulling it toward a target direction t. The angle w turns per step starts near α^v
 * (the vector learning rate) and shrinks as the direction settles; Adam on the same vector lets the norm drift instead.
 */
import { Rng } from '@gapkit/autodiff';
import { OPTIMIZERS } from '@gapkit/optimizers';
import { drawPlot } from './canvas-plot.js';
import type { ExplorableSpec } from './explorable.js';
import { toyRun } from './toy-run.js';

const STEPS = 150;
const TARGET = [Math.cos(2.2), Math.sin(2.2)];
const NOISE = 0.5;

function noisyGradient(seed: number): (w: Float32Array) => Float32Array {
  const rng = new Rng(seed);
  return () => Float32Array.of(-TARGET[0] + NOISE * rng.normal(), -TARGET[1] + NOISE * rng.normal());
}

function angles(path: Float32Array[]): [number, number][] {
  const out: [number, number][] = [];
  for (let t = 1; t < path.length; t++) {
    const a = path[t - 1];
    const b = path[t];
    const cos = (a[0] * b[0] + a[1] * b[1]) / (Math.hypot(a[0], a[1]) * Math.hypot(b[0], b[1]));
    out.push([t, Math.acos(Math.min(1, Math.max(-1, cos)))]);
  }
  return out;
}

export const ndAdamExplorable: ExplorableSpec = {
  id: 'nd-adam',
  title: 'ND-Adam: angular step vs α^v, ‖w‖ held at 1',
  paper: 'Zhang et al., "Normalized Direction-preserving Adam", arXiv:1709.04546',
  docs: 'docs/papers/nd-adam.md',
  blurb: `One unit weight vector, noisy loss −t·w (${STEPS} steps). ND-Adam updates w along the circle and renormalizes: the angle per step starts at about α^v and falls as the direction settles (the tangential m̂/√v̂ shrinks under the noise), and ‖w‖ stays 1. Adam with η = α^v drifts off the circle.`,
  sliders: [{ key: 'lrVector', label: 'α^v', min: -3, max: -0.5, step: 0.05, value: Math.log10(0.05), map: (x) => 10 ** x }],
  render(canvas, v) {
    const start = [1, 0];
    const nd = toyRun((ps) => OPTIMIZERS['nd-adam'].create(ps, { lrVector: v.lrVector }), start, [1, 2], noisyGradient(3), STEPS, { unitAxes: [1] });
    const adam = toyRun((ps) => OPTIMIZERS.adam.create(ps, { lr: v.lrVector }), start, [1, 2], noisyGradient(3), STEPS);
    const ndAngles = angles(nd.path);
    const adamAngles = angles(adam.path);
    drawPlot(
      canvas,
      [
        { label: 'ND-Adam angle per step', color: '#d62728', points: ndAngles },
        { label: 'Adam angle per step', color: '#1f77b4', points: adamAngles, dashed: true },
        { label: 'α^v', color: '#555', points: [[1, v.lrVector], [STEPS, v.lrVector]], dashed: true },
      ],
      { xLabel: 'step', yLabel: 'radians' },
    );
    const worstNorm = Math.max(...nd.path.slice(1).map((w) => Math.abs(Math.hypot(w[0], w[1]) - 1)));
    const adamW = adam.path[adam.path.length - 1];
    const meanLate = ndAngles.slice(STEPS / 2).reduce((a, [, y]) => a + y, 0) / (STEPS / 2);
    return `ND-Adam: mean angle/step (2nd half) ${meanLate.toExponential(2)} rad vs α^v ${v.lrVector.toExponential(2)}; worst |‖w‖−1| ${worstNorm.toExponential(1)}; Adam ends at ‖w‖ = ${Math.hypot(adamW[0], adamW[1]).toFixed(3)}`;
  },
};
