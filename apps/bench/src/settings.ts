/** How much each workload is repeated, for full and `--quick` runs. */

/** How often one kind of workload is repeated. */
export interface RepetitionSettings {
  /** Interleaved rounds (every engine once per round, in a shuffled order). */
  readonly rounds: number;
  /** Untimed repetitions before the first timed round (two let `auto` finish calibrating). */
  readonly warmup: number;
  /** Timed repetitions per engine per round, at most... */
  readonly maxReps: number;
  /** ...and stop adding repetitions once a round has spent this long (at least one runs). */
  readonly budgetMs: number;
  /** An engine whose repetition takes longer than this runs only the first round (and one warm-up). */
  readonly slowMs: number;
  /** A warm-up repetition longer than this counts as the one timed repetition. */
  readonly reuseWarmupMs: number;
}

/** Kernel workloads use the top-level numbers. */
export interface RunSettings extends RepetitionSettings {
  /** The same for training workloads (each round is a fresh child process). */
  readonly train: RepetitionSettings;
  /** The same for the epoch workload (one repetition = one epoch; its warm-up epoch calibrates `auto`). */
  readonly epoch: RepetitionSettings;
}

export const FULL: RunSettings = {
  rounds: 3,
  warmup: 3,
  maxReps: 15,
  budgetMs: 1500,
  slowMs: 4000,
  reuseWarmupMs: 30_000,
  train: { rounds: 3, warmup: 3, maxReps: 10, budgetMs: 8000, slowMs: 20_000, reuseWarmupMs: 30_000 },
  epoch: { rounds: 2, warmup: 1, maxReps: 2, budgetMs: 600_000, slowMs: 600_000, reuseWarmupMs: 600_000 },
};

export const QUICK: RunSettings = {
  rounds: 1,
  warmup: 3,
  maxReps: 3,
  budgetMs: 300,
  slowMs: 1000,
  reuseWarmupMs: 3000,
  train: { rounds: 1, warmup: 3, maxReps: 2, budgetMs: 1500, slowMs: 5000, reuseWarmupMs: 5000 },
  epoch: { rounds: 1, warmup: 1, maxReps: 1, budgetMs: 0, slowMs: 600_000, reuseWarmupMs: 600_000 },
};
