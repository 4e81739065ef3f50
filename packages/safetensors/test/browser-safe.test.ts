/** The package runs in a browser: no source file imports a Node built-in or touches `Buffer` / `process`. */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

describe('browser-safe', () => {
  it('no source file imports a Node built-in or a package, or uses Buffer / process', () => {
    const files = readdirSync(SRC).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(SRC, f), 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        if (!m[1].startsWith('.')) problems.push(`${f} imports ${m[1]}${builtinModules.includes(m[1].replace(/^node:/, '')) ? ' (a Node built-in)' : ''}`);
      }
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      if (/\bBuffer\b/.test(code)) problems.push(`${f} uses Buffer`);
      if (/\bprocess\./.test(code)) problems.push(`${f} uses process`);
    }
    expect(problems).toEqual([]);
  });
});
