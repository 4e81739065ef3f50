/**
 * Synthetic replay cases for every optimizer name of the format (expected values from the
 * independent float64 reference) pass through the same runner, including cases of 1,000 steps; a
 * wrong expected value fails.
 */
import { describe, expect, it } from 'vitest';
import { parseCase } from '../src/parse-case.js';
import { runCase } from '../src/run.js';
import { OPTIMIZER_NAMES } from '../src/schema/hyper.js';
import { LONG, SYNTHETIC, syntheticCase } from './synthetic.js';

describe('synthetic replay cases (independent float64 reference)', () => {
  it('cover every optimizer name of the format', () => {
    expect(new Set(SYNTHETIC.map((s) => s.optimizer))).toEqual(new Set(OPTIMIZER_NAMES));
  });
  it.each(SYNTHETIC.map((s) => [s.name, s]))('%s passes', (_name, spec) => {
    const r = runCase(parseCase(syntheticCase(spec), `${spec.name}.json`));
    expect(r.error).toBeUndefined();
    expect(r.worst.fraction).toBeLessThan(0.5);
    expect(r.passed).toBe(true);
  });
  it.each(LONG.map((s) => [s.name, s]))('%s (1,000 steps) passes', (_name, spec) => {
    const raw = syntheticCase(spec);
    expect(raw.steps).toBe(1000);
    const r = runCase(parseCase(raw, `${spec.name}.json`));
    console.log(`${spec.name}: worst ${r.worst.fraction.toFixed(4)} of tolerance (${r.worst.where})`);
    expect(r.error).toBeUndefined();
    expect(r.passed).toBe(true);
  });
  it('a wrong expected value fails the case (the comparison can fail)', () => {
    const raw = syntheticCase(SYNTHETIC[3]);
    raw.expected[7]['fc.weight'][2] += 1e-3;
    const r = runCase(parseCase(raw, 'bad.json'));
    expect(r.passed).toBe(false);
    expect(r.worst.where).toBe('step 8, fc.weight');
  });
});
