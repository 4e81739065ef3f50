/**
 * The order a sweep's runs are started in: in rounds of seeds — every grid point's first seed, then
 * every point's second seed, and so on — so that a sweep stopped part-way (or read with
 * `gapkit experiment --report-only` while it runs) already has every setting at least once, and the
 * settings with a noise estimate grow together. Within a round, grid points keep the sweep's order.
 * Run keys do not depend on the order, so a sweep started under the old order resumes unchanged.
 */
import type { RunSpec } from './expand-sweep.js';

export function seedRounds(runs: readonly RunSpec[]): RunSpec[] {
  const roundOf = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const r of runs) {
    const n = seen.get(r.point) ?? 0;
    roundOf.set(r.key, n);
    seen.set(r.point, n + 1);
  }
  // Array.prototype.sort is stable: ties keep the sweep's order
  return [...runs].sort((a, b) => (roundOf.get(a.key) ?? 0) - (roundOf.get(b.key) ?? 0));
}
