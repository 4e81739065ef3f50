/**
 * The run's random streams, each its own generator forked from the seed in a fixed order, so that
 * one stream's draws never shift another's: model initialization (and, inside the model, dropout),
 * shuffling, augmentation, NCF negative sampling, and generated data.
 */
import { Rng, type RngState } from '@gapkit/autodiff';

export interface RngStreams {
  readonly init: Rng;
  readonly shuffle: Rng;
  readonly augment: Rng;
  readonly negatives: Rng;
  readonly data: Rng;
}

export const STREAM_NAMES = ['init', 'shuffle', 'augment', 'negatives', 'data'] as const;

export function rngStreams(seed: number): RngStreams {
  const root = new Rng(seed);
  return { init: root.fork(), shuffle: root.fork(), augment: root.fork(), negatives: root.fork(), data: root.fork() };
}

export type RngStates = Record<(typeof STREAM_NAMES)[number], RngState>;

export function saveStreams(s: RngStreams): RngStates {
  return { init: s.init.getState(), shuffle: s.shuffle.getState(), augment: s.augment.getState(), negatives: s.negatives.getState(), data: s.data.getState() };
}

export function loadStreams(s: RngStreams, states: RngStates): void {
  for (const k of STREAM_NAMES) s[k].setState(states[k]);
}
