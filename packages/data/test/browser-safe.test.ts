/**
 * The core entry (`src/index.ts`) must run in a browser: nothing it reaches may import a Node built-in or
 * the `src/node/` half, or touch the Node-only globals `Buffer` and `process`. Walks the relative-import
 * graph from the entry and inspects every file it reaches.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

function reachable(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop() ?? '';
    if (seen.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (m[1].startsWith('.')) stack.push(join(dirname(file), m[1].replace(/\.js$/, '.ts')));
    }
  }
  return seen;
}

function problemsOf(files: Map<string, string>): string[] {
  const problems: string[] = [];
  const builtins = new Set(builtinModules);
  for (const [file, text] of files) {
    const name = relative(SRC, file);
    if (name.startsWith('node/')) problems.push(`${name} is in the Node half`);
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (m[1].startsWith('node:') || builtins.has(m[1])) problems.push(`${name} imports ${m[1]}`);
    }
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    if (/\bBuffer\b/.test(code)) problems.push(`${name} uses Buffer`);
    if (/\bprocess\./.test(code)) problems.push(`${name} uses process`);
  }
  return problems;
}

describe('browser-safe core', () => {
  const files = reachable(join(SRC, 'index.ts'));

  it('reaches the core modules (the walk works)', () => {
    expect(files.size).toBeGreaterThan(30);
    expect([...files.keys()].some((f) => f.endsWith('recsys/leave-one-out.ts'))).toBe(true);
  });

  it('imports no Node built-in, nothing from src/node/, and uses no Buffer or process', () => {
    expect(problemsOf(files)).toEqual([]);
  });

  it('the same check flags the Node entry (so it can fail)', () => {
    const nodeProblems = problemsOf(reachable(join(SRC, 'node', 'index.ts')));
    expect(nodeProblems).toContain('node/read-file.ts imports node:fs');
  });
});
