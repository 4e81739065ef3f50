/**
 * Properties of parsing: a non-number anywhere in a group's per-step lr list is reported at exactly
 * that path; a valid case cut to any `steps` ≤ its length keeps exactly `steps` entries per per-step
 * list and still passes. And the package's source stays browser-safe (no Node built-in imported).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../src/parse-case.js';
import { runCase } from '../src/run.js';
import { SYNTHETIC, syntheticCase } from './synthetic.js';

const SGD = syntheticCase(SYNTHETIC[0]) as Record<string, unknown> & { param_groups: { lr: number[] }[]; steps: number };

describe('parsing', () => {
  it('a bad entry at any position of any group’s lr list is reported at that path', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: SGD.steps - 1 }), fc.oneof(fc.string({ maxLength: 20 }), fc.boolean(), fc.constant(null)), (g, k, bad) => {
        const groups = SGD.param_groups.map((x) => ({ ...x, lr: [...x.lr] as unknown[] }));
        groups[g].lr[k] = bad;
        expect(() => parseCase({ ...SGD, param_groups: groups }, 'p.json')).toThrow(`p.json: field 'param_groups[${g}].lr[${k}]' must be a number, got ${JSON.stringify(bad)}`);
      }),
      { numRuns: 40 },
    );
  });
  it('any steps ≤ the recorded length: every per-step list has exactly `steps` entries and the case passes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: SGD.steps }), (steps) => {
        const c = parseCase({ ...SGD, steps }, 'p.json');
        expect(c.expected).toHaveLength(steps);
        expect(c.grads).toHaveLength(steps);
        for (const g of c.param_groups) expect(g.lr).toHaveLength(steps);
        expect(runCase(c).passed).toBe(true);
      }),
      { numRuns: 12 },
    );
  });
});

describe('browser-safe source', () => {
  it('no file under src imports a Node built-in', () => {
    const src = fileURLToPath(new URL('../src', import.meta.url));
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(readFileSync(join(src, f), 'utf8'), f).not.toMatch(/from ['"](node:|fs['"]|path['"]|os['"])/);
  });
});
