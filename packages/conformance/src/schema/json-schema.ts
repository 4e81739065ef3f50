/**
 * The case format as JSON Schema (draft 2020-12), generated from the zod schema so that other
 * frameworks can validate the cases they produce; committed as docs/conformance/case.schema.json
 * (`pnpm --filter @gapkit/conformance schema` rewrites it, a test checks it is current). The
 * optimizer-specific `hyper` keys become one `if optimizer = X then hyper is …` rule per name.
 * Checks across fields (sizes, per-step lengths) are not expressible here; the runner makes them.
 */
import { z } from 'zod';
import { caseJsonSchema } from './case.js';
import { HYPER_SCHEMAS, OPTIMIZER_NAMES } from './hyper.js';


/** The JSON Schema of a case file. */
export function caseJsonSchemaDocument(): Record<string, unknown> {
  const base = z.toJSONSchema(caseJsonSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const rules = OPTIMIZER_NAMES.map((name) => {
    const { $schema: _s, ...hyper } = z.toJSONSchema(HYPER_SCHEMAS[name], { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
    // biome-ignore lint/suspicious/noThenProperty: `if` / `then` are JSON Schema keywords; this object is never awaited
    return { if: { properties: { optimizer: { const: name } }, required: ['optimizer'] }, then: { properties: { hyper } } };
  });
  const { $schema, ...rest } = base;
  return {
    $schema,
    title: 'gapkit conformance case (format_version 1)',
    description:
      'A golden optimizer trajectory: replay (recorded gradients) or closed loop (a small model and batch). Arrays are flat, row-major, PyTorch layouts; index k of a per-step array belongs to step k+1. Described in docs/conformance/README.md.',
    ...rest,
    allOf: rules,
  };
}

/** The committed file's text: the schema, two-space indented, with a final newline. */
export function caseJsonSchemaText(): string {
  return `${JSON.stringify(caseJsonSchemaDocument(), null, 2)}\n`;
}
