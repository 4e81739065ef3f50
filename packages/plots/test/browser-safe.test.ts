/**
 * The main entry (`src/index.ts`) runs in a browser: nothing it reaches imports a Node built-in, the
 * `node/` half, or a package at run time (vega-lite is imported for its types only).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

describe('browser-safe main entry', () => {
  it('reaches only relative, non-Node source files and type-only package imports', () => {
    const seen = new Set<string>();
    const stack = [join(SRC, 'index.ts')];
    const problems: string[] = [];
    while (stack.length > 0) {
      const file = stack.pop() ?? '';
      if (seen.has(file)) continue;
      seen.add(file);
      const name = relative(SRC, file);
      if (name.startsWith('node/')) problems.push(`${name} is in the Node half`);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(import|export)(\s+type)?[^'"]*from\s+'([^']+)'/gm)) {
        if (m[3].startsWith('.')) stack.push(join(dirname(file), m[3].replace(/\.js$/, '.ts')));
        else if (!m[2]) problems.push(`${name} imports ${m[3]} at run time`);
      }
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      if (/\bBuffer\b|\bprocess\./.test(code)) problems.push(`${name} uses a Node global`);
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
    expect(problems).toEqual([]);
  });
});
