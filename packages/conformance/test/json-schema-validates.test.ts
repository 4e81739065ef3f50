/**
 * The published JSON Schema works for a framework that does not use zod: an independent validator
 * (Ajv, draft 2020-12) accepts the public cases and the synthetic cases of every optimizer name, and
 * rejects what the runner rejects structurally (an unknown optimizer, a hyper key another optimizer
 * has, an unknown group option or layer op, a non-number in a per-step list).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { caseJsonSchemaDocument } from '../src/schema/json-schema.js';
import { hasSharedCases, readSharedCase, sharedCaseFiles, skipReason } from './shared-cases.js';
import { LONG, SYNTHETIC, syntheticCase } from './synthetic.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
const validate = ajv.compile(caseJsonSchemaDocument());
const accepts = (x: unknown) => validate(x) === true;

describe('case.schema.json with an independent validator', () => {
  it.each([...SYNTHETIC, LONG[0]].map((s) => [s.name, s]))('accepts %s', (_n, spec) => {
    const ok = accepts(syntheticCase(spec));
    expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });
  it.skipIf(!hasSharedCases)(`accepts every public case ${skipReason('public cases vs JSON Schema') ?? ''}`, () => {
    const files = sharedCaseFiles();
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      const ok = accepts(readSharedCase(f.split('/').pop() ?? f));
      expect(ok, `${f}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });
  it('rejects what the runner rejects structurally', () => {
    const c = syntheticCase(SYNTHETIC[3]) as Record<string, unknown> & { hyper: Record<string, unknown>; param_groups: Record<string, unknown>[] };
    expect(accepts({ ...c, optimizer: 'AdaFoo' })).toBe(false);
    expect(accepts({ ...c, hyper: { ...c.hyper, partial: 0.125 } })).toBe(false);
    expect(accepts({ ...c, param_groups: [{ ...c.param_groups[0], momentum: 0.9 }, c.param_groups[1]] })).toBe(false);
    const lr = [...(c.param_groups[0].lr as number[])] as unknown[];
    lr[3] = 'x';
    expect(accepts({ ...c, param_groups: [{ ...c.param_groups[0], lr }, c.param_groups[1]] })).toBe(false);
    expect(accepts({ ...c, steps: 0 })).toBe(false);
    expect(accepts(c)).toBe(true);
  });
  it.skipIf(!hasSharedCases)(`rejects an unknown layer op ${skipReason('layer op vs JSON Schema') ?? ''}`, () => {
    const m = readSharedCase('mlp_sgd_momentum.json') as { model: { layers: unknown[] } };
    expect(accepts(m)).toBe(true);
    m.model.layers[1] = { op: 'gelu' };
    expect(accepts(m)).toBe(false);
  });
});
