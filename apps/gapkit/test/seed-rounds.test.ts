/**
 * The start order of a sweep's runs: rounds of seeds. The invariants: it is a permutation of the runs;
 * after the first k rounds every grid point has its first k seeds (so a stopped sweep has every
 * setting); each point's seeds keep their order; within a round the points keep the sweep's order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunSpec } from '../src/sweep/expand-sweep.js';
import { seedRounds } from '../src/sweep/seed-rounds.js';

/** Runs as expandSweep lays them out: grid point by grid point, seed by seed. */
function grid(points: number, seeds: readonly number[]): RunSpec[] {
  const runs: RunSpec[] = [];
  for (let p = 0; p < points; p++) for (const seed of seeds) runs.push({ key: `k${p}-${seed}`, point: `p=${p}`, seed, input: {} });
  return runs;
}

const sweeps = fc.record({ points: fc.integer({ min: 1, max: 7 }), seeds: fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 5 }) });

describe('seedRounds', () => {
  it('is a permutation that starts every point once per round, in the sweep order', () => {
    fc.assert(
      fc.property(sweeps, ({ points, seeds }) => {
        const runs = grid(points, seeds);
        const order = seedRounds(runs);
        expect([...order].map((r) => r.key).sort()).toEqual(runs.map((r) => r.key).sort());
        for (let k = 0; k < seeds.length; k++) {
          const round = order.slice(k * points, (k + 1) * points);
          // round k holds every point once, each at its k-th seed, points in the sweep's order
          expect(round.map((r) => r.point)).toEqual(Array.from({ length: points }, (_, p) => `p=${p}`));
          for (const r of round) expect(r.seed).toBe(seeds[k]);
        }
      }),
    );
  });

  it('gives a stopped sweep every setting: the 5 × 3 adams grid has all 5 points within its first 5 runs', () => {
    const order = seedRounds(grid(5, [1, 2, 3]));
    expect(new Set(order.slice(0, 5).map((r) => r.point)).size).toBe(5);
    expect(order.slice(0, 5).every((r) => r.seed === 1)).toBe(true);
    expect(order.at(-1)).toMatchObject({ point: 'p=4', seed: 3 });
  });
});
