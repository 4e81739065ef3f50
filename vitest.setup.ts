/**
 * Runs before every test file. Under CI (CI=true) or with FC_SEED set, fast-check draws from one fixed
 * seed so a CI run is reproducible; locally each run explores new cases. Any failure prints its seed
 * and path either way (fast-check's default), so a counterexample can be replayed. FC_NUM_RUNS raises
 * the number of runs of every property (`pnpm test:props --runs N`).
 */
import fc from 'fast-check';

const fixed = process.env.FC_SEED ?? (process.env.CI === 'true' ? '20261123' : undefined);
if (fixed !== undefined) {
  const seed = Number(fixed);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got '${fixed}'`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
// `pnpm test:props --runs N`: every property runs at least N times (PROPERTY_RUNS and the optimizer kit
// read fast-check's global numRuns).
const runs = process.env.FC_NUM_RUNS;
if (runs !== undefined) {
  const numRuns = Number(runs);
  if (!Number.isInteger(numRuns) || numRuns < 1) throw new Error(`FC_NUM_RUNS must be a positive integer, got '${runs}'`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns });
}
