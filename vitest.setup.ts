/**
 * Runs before every test file. Under CI (CI=true) or with FC_SEED set, fast-check draws from one fixed
 * seed so a CI run is reproducible; locally each run explores new cases. Any failure prints its seed
 * and path either way (fast-check's default), so a counterexample can be replayed.
 */
import fc from 'fast-check';

const fixed = process.env.FC_SEED ?? (process.env.CI === 'true' ? '20261123' : undefined);
if (fixed !== undefined) {
  const seed = Number(fixed);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got '${fixed}'`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
