/**
 * The ResNet-8 run from compiled JavaScript: the same engine in a child forked from `dist/child.js`
 * with plain `node` (no tsx, no source conditions), so its peak RSS is what a user of the built
 * packages sees. Recorded as the engine `<engine>@node-dist`; needs `pnpm build` first.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Suffix of the compiled twin of an engine. */
export const COMPILED_SUFFIX = '@node-dist';
/** Engines that get a compiled twin, and the workload it runs. */
export const COMPILED_ENGINES: readonly string[] = ['gapkit-auto'];
export const COMPILED_WORKLOAD = 'train-resnet8-b64';

/** `dist/child.js` of this app (from a source run or a compiled one). */
export const COMPILED_CHILD = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? './child.js' : '../dist/child.js', import.meta.url));

/** The engine and whether it is the compiled twin. */
export function splitCompiled(name: string): { engine: string; compiled: boolean } {
  return name.endsWith(COMPILED_SUFFIX) ? { engine: name.slice(0, -COMPILED_SUFFIX.length), compiled: true } : { engine: name, compiled: false };
}

/** Why the compiled twins cannot run (no build), or null. */
export function compiledUnavailable(): string | null {
  return existsSync(COMPILED_CHILD) ? null : `${COMPILED_CHILD} is missing: run pnpm build first`;
}
