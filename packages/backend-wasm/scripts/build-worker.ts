/** Regenerates `src/threaded/worker-bundle.generated.ts` (atomically: a temporary file, then a rename). */
import { renameSync, writeFileSync } from 'node:fs';
import { buildWorkerBundle, GENERATED_PATH, generatedModule } from './worker-bundle.js';

const text = generatedModule(await buildWorkerBundle());
const tmp = `${GENERATED_PATH}.tmp`;
writeFileSync(tmp, text);
renameSync(tmp, GENERATED_PATH);
console.log(`wrote ${GENERATED_PATH} (${text.length} characters)`);
