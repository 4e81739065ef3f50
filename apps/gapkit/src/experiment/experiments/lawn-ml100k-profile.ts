/**
 * Where gapkit's time goes on the lawn-ml100k recipe: a measurement made once by hand (2026-12-02, the
 * 2-core machine of the report, one-thread `wasm` backend, while two of this experiment's runs and
 * other work shared the cores — so every number is an upper bound, and only their proportions are
 * meant to be read), quoted here so the report can show it beside the runs' own seconds. How: the
 * trainer's phases timed around one epoch of 484 steps at batch 1024 (planEpoch, the task's forward
 * and the loss's backward, the optimizer's step, one evaluation), and V8's CPU profile of the same
 * epoch for the split by op (inclusive times, scaled to the phase timing's epoch).
 */

export interface ProfileRow {
  readonly part: string;
  /** Seconds per epoch (batch 1024, 484 steps). */
  readonly seconds: number;
  readonly note: string;
}

/** Adam, λ 1e-4: phases of one epoch, 12.4 s in all under load (6.4 s per epoch when the machine was quieter). */
export const PHASES_B1K_ADAM: readonly ProfileRow[] = [
  { part: 'sampling (4 negatives per positive, rejection of training positives; the shuffle)', seconds: 0.34, note: 'trainingInstances 0.2 s, permutation 0.1 s' },
  { part: 'forward (embedding gather, concat, 4 Linears + ReLU, BCE)', seconds: 4.32, note: '' },
  { part: 'backward', seconds: 5.19, note: '' },
  { part: 'optimizer step (Adam over all 86,753 parameters, 484 times)', seconds: 2.48, note: 'dense: the moments of every embedding row decay each step' },
  { part: 'evaluation (943 users × 100 candidates)', seconds: 0.87, note: 'once per epoch' },
];

export interface OpShare {
  readonly part: string;
  /** Share of the epoch's training time (forward, backward, update, sampling), 0..1. */
  readonly share: number;
  readonly note: string;
}

/** The training time of one epoch split by op (CPU profile, inclusive times; the rest is bookkeeping). */
export const OPS_B1K_ADAM: readonly OpShare[] = [
  { part: 'GEMM of the four Linears (forward and both backward products)', share: 0.33, note: 'packing A/B and unpacking C 0.20, the wasm SIMD kernel itself 0.10: for these tiny matrices (1024×64 · 64×32 …) packing costs twice the multiply' },
  { part: 'Linear glue (bias add and its gradient, transposes)', share: 0.09, note: '' },
  { part: 'concat of the two embeddings and its backward split', share: 0.13, note: 'copyRegion' },
  { part: 'embedding gather (forward) and scatter-add (backward)', share: 0.12, note: 'forward 0.04, backward 0.08' },
  { part: 'ReLU forward and backward', share: 0.11, note: '' },
  { part: 'optimizer step (Adam update, gradient checks)', share: 0.12, note: '' },
  { part: 'sampling and shuffle', share: 0.04, note: '' },
];

/** Adam-LAWN with every weight matrix constrained from the first step: its optimizer step against Adam's. */
export const LAWN_PROJECTION_COST = { adamUpdateSeconds: 0.97, lawnUpdateSeconds: 1.5, note: 'CPU profile of one epoch each: the two projections and the rescale add ≈ 0.5 s per epoch under load (≈ 5 % of the epoch)' } as const;

/** Forward + backward of 150 batches with the Adam λ 1e-4 run's final weights, as trained vs with its subnormals flushed to zero (4 alternations, ms). */
export const SUBNORMAL_AB = { asIsMs: [3506, 3371, 4072, 3094], flushedMs: [3459, 2584, 4161, 3298] } as const;
