/**
 * Every experiment `gapkit experiment` runs, by name. Each lives in `experiments/<name>.ts` beside
 * this file (its report) and `apps/gapkit/experiments/<name>/` (its sweep files), and loads lazily.
 */
import type { Experiment } from './experiment.js';

export const EXPERIMENTS: Readonly<Record<string, () => Promise<Experiment>>> = {
  'ndadam-effective-step': async () => (await import('./experiments/ndadam-effective-step.js')).experiment,
  'ndadam-logits': async () => (await import('./experiments/ndadam-logits.js')).experiment,
  'padam-p-sweep': async () => (await import('./experiments/padam-p-sweep.js')).experiment,
  'adams-gradient-norm': async () => (await import('./experiments/adams-gradient-norm.js')).experiment,
  'lawn-ml100k': async () => (await import('./experiments/lawn-ml100k.js')).experiment,
};
