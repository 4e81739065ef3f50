/** Messages between the bench's parent process and an engine child process (Node IPC). */

/** Parent → child. */
export type Request =
  | { readonly type: 'init'; readonly engine: string }
  | {
      readonly type: 'run';
      readonly workload: string;
      readonly warmup: number;
      /** Warm-up stops early after a repetition longer than this (a 1-minute step needs no second one). */
      readonly warmupCapMs: number;
      /** A warm-up repetition longer than this is itself the (only) timed repetition. */
      readonly reuseWarmupMs: number;
      readonly maxReps: number;
      readonly budgetMs: number;
    }
  | { readonly type: 'exit' };

/** Child → parent. */
export type Reply =
  | { readonly type: 'ready'; readonly describe: Record<string, string> }
  | {
      readonly type: 'result';
      readonly times: number[];
      readonly warmupMs: number[];
      readonly describe: Record<string, string>;
      /** Peak resident set of the child process so far (MiB). */
      readonly peakRssMb: number;
    }
  | { readonly type: 'error'; readonly message: string };
