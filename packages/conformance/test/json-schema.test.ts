/**
 * docs/conformance/case.schema.json is the JSON Schema generated from the zod schema (regenerate with
 * `pnpm --filter @gapkit/conformance schema`), and it states the format's names: every optimizer,
 * its `hyper` keys, the layer ops.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseJsonSchemaDocument, caseJsonSchemaText } from '../src/schema/json-schema.js';
import { HYPER_SCHEMAS, OPTIMIZER_NAMES } from '../src/schema/hyper.js';
import { LAYER_OPS } from '../src/schema/layers.js';

const COMMITTED = fileURLToPath(new URL('../../../docs/conformance/case.schema.json', import.meta.url));

type Rule = { if: { properties: { optimizer: { const: string } } }; then: { properties: { hyper: { properties: Record<string, unknown>; additionalProperties: boolean } } } };

describe('the published JSON Schema', () => {
  it('equals the one generated from the zod schema (run `pnpm --filter @gapkit/conformance schema` after changing it)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(caseJsonSchemaText());
  });
  it('has one hyper rule per optimizer name, listing exactly its keys, and refusing others', () => {
    const doc = caseJsonSchemaDocument() as { allOf: Rule[]; properties: { optimizer: { enum: string[] } } };
    expect(doc.properties.optimizer.enum).toEqual(OPTIMIZER_NAMES);
    expect(doc.allOf.map((r) => r.if.properties.optimizer.const)).toEqual(OPTIMIZER_NAMES);
    for (const rule of doc.allOf) {
      const name = rule.if.properties.optimizer.const as keyof typeof HYPER_SCHEMAS;
      expect(Object.keys(rule.then.properties.hyper.properties).sort()).toEqual(Object.keys(HYPER_SCHEMAS[name].shape).sort());
      expect(rule.then.properties.hyper.additionalProperties).toBe(false);
    }
    expect(doc.allOf.find((r) => r.if.properties.optimizer.const === 'Padam')?.then.properties.hyper.properties).toHaveProperty('partial');
  });
  it('names every layer op', () => {
    expect(JSON.stringify(caseJsonSchemaDocument())).toContain(JSON.stringify(LAYER_OPS.map((op) => ({ type: 'string', const: op }))[2]));
    expect(LAYER_OPS).toEqual(['linear', 'relu', 'conv2d', 'batchnorm2d', 'global_avg_pool']);
  });
});
