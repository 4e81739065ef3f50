/** What every benchmarked engine provides inside its own process. */
import type { Workload } from './workloads.js';

/** A prepared workload: `run()` does one repetition and returns only when the result is computed. */
export interface Prepared {
  run(): void | Promise<void>;
  /**
   * The last repetition's time in ms as measured by an engine living in yet another process (the
   * torch peer), so the message round trip is not counted; absent: the child times `run()` itself.
   */
  ownMs?(): number;
  /** Peak RSS (MiB) of the process that really ran the workload, when that is not this one (the torch peer). */
  ownPeakRssMb?(): number;
  /** Facts about this workload merged into the engine's describe() (e.g. the probe's k and j). */
  describe?(): Record<string, string>;
  /** Frees the workload's tensors. */
  dispose(): void;
}

/** An engine (a gapkit backend or a TF.js backend) living in the current process. */
export interface Engine {
  /** e.g. `gapkit-wasm`, `tfjs-cpu`. */
  readonly name: string;
  /** Facts printed in the run log: backend, mode, precision, threads, kernel choices. */
  describe(): Record<string, string>;
  prepare(w: Workload): Promise<Prepared>;
  dispose(): void;
}
