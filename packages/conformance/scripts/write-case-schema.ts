/**
 * Writes docs/conformance/case.schema.json from the zod schema (atomically: a temporary file, then a
 * rename). Run: pnpm --filter @gapkit/conformance schema
 */
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { caseJsonSchemaText } from '../src/schema/json-schema.js';

const target = fileURLToPath(new URL('../../../docs/conformance/case.schema.json', import.meta.url));
const tmp = `${target}.${process.pid}.tmp`;
writeFileSync(tmp, caseJsonSchemaText());
renameSync(tmp, target);
console.log(`wrote ${target}`);
