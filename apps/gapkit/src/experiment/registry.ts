/**
 * Every experiment `gapkit experiment` runs, by name. Each lives in `experiments/<name>.ts` beside
 * this file (its report) and `apps/gapkit/experiments/<name>/` (its sweep files), and loads lazily.
 */
import type { Experiment } from './experiment.js';

export const EXPERIMENTS: Readonly<Record<string, () => Promise<Experiment>>> = {
  'lawn-ml100k': async () => (await import('./experiments/lawn-ml100k.js')).experiment,
};
