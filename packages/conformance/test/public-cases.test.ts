/**
 * Every public case passes, with the error it had before the harness moved into this package (worst
 * error as a fraction of the tolerance, measured with the CPU backend: adam 0.0035, padam_p0.125
 * 0.0257, mlp_sgd_momentum 0.0037, cnn_sgd_momentum 0.0033). A float32 implementation has about 10×
 * (replay) / 50× (closed loop) headroom, so a fraction that doubles means the numerics changed.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaseText } from '../src/run.js';
import { hasSharedCases, sharedCaseFiles, skipReason } from './shared-cases.js';

const BEFORE: Record<string, number> = {
  'adam.json': 0.0035,
  'padam_p0.125.json': 0.0257,
  'mlp_sgd_momentum.json': 0.0037,
  'cnn_sgd_momentum.json': 0.0033,
};

describe.skipIf(!hasSharedCases)(`public cases ${skipReason('public cases') ?? ''}`, () => {
  const files = sharedCaseFiles();
  it('finds the four public cases', () => {
    expect(files.map((f) => basename(f))).toEqual(expect.arrayContaining(Object.keys(BEFORE)));
  });
  it.each(files.map((f) => [basename(f), f]))('%s passes', (name, file) => {
    const r = runCaseText(readFileSync(file, 'utf8'), file);
    console.log(`${name}: worst ${r.worst.fraction.toFixed(4)} of tolerance (${r.worst.field}, ${r.worst.where})`);
    expect(r.error).toBeUndefined();
    expect(r.passed).toBe(true);
    const before = BEFORE[name];
    if (before !== undefined) {
      expect(r.worst.fraction).toBeGreaterThan(before / 2);
      expect(r.worst.fraction).toBeLessThan(before * 2);
    }
  });
});
