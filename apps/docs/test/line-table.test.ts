/**
 * Every paper page's "Line → code → test" table holds against the tree: each row's code file exists
 * and the function it names carries the row's `// (Lk)` tags; each test file it names exists and holds
 * each quoted test name; and every `// (Lk)` tag of every code file a table names has a row.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeTags, functionBody, LINE_TABLE_HEADING, lineTableSection, parseLineRows, readRepoFile } from '../src/line-table.js';
import { REPO_ROOT } from '../src/repo-links.js';

const PAGES = ['docs/papers/nd-adam.md', 'docs/papers/padam.md', 'docs/papers/adams-sgds.md', 'docs/papers/lawn.md', 'docs/papers/baselines.md'];

describe.each(PAGES)('%s: the line → code → test table', (page) => {
  const section = lineTableSection(readRepoFile(REPO_ROOT, page));
  const rows = section === undefined ? [] : parseLineRows(section, page);

  it(`has the section '${LINE_TABLE_HEADING}' with rows`, () => {
    expect(section).toBeDefined();
    expect(rows.length).toBeGreaterThan(3);
  });

  it("each row's function carries the row's (Lk) tags, and each named test exists", () => {
    const problems: string[] = [];
    for (const row of rows) {
      if (!existsSync(join(REPO_ROOT, row.file))) {
        problems.push(`${row.text}: code file '${row.file}' does not exist`);
        continue;
      }
      const body = functionBody(readRepoFile(REPO_ROOT, row.file), row.fn);
      if (body === undefined) problems.push(`${row.text}: no function '${row.fn}' in ${row.file}`);
      else {
        const tags = codeTags(body);
        const missing = row.lines.filter((k) => !tags.includes(k));
        if (missing.length > 0) problems.push(`${row.text}: ${row.fn} in ${row.file} has no // (L${missing.join('), (L')}) tag (it has ${tags.map((k) => `L${k}`).join(', ') || 'none'})`);
      }
      if (row.tests.size === 0) problems.push(`${row.text}: names no test`);
      for (const [file, names] of row.tests) {
        if (!existsSync(join(REPO_ROOT, file))) {
          problems.push(`${row.text}: test file '${file}' does not exist`);
          continue;
        }
        const text = readRepoFile(REPO_ROOT, file);
        if (names.length === 0) problems.push(`${row.text}: quotes no test name of ${file}`);
        for (const n of names) if (!text.includes(n)) problems.push(`${row.text}: ${file} has no test named "${n}…"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every // (Lk) tag of each code file it names has a row', () => {
    const files = new Set(rows.map((r) => r.file).filter((f) => existsSync(join(REPO_ROOT, f))));
    const problems: string[] = [];
    for (const file of files) {
      const covered = new Set(rows.filter((r) => r.file === file).flatMap((r) => r.lines));
      const missing = codeTags(readRepoFile(REPO_ROOT, file)).filter((k) => !covered.has(k));
      if (missing.length > 0) problems.push(`${file}: (L${missing.join('), (L')}) have no row`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the table checker itself', () => {
  const page = ['docs', 'papers', 'example.md'].join('/'); // a made-up page (not a citation)
  const table = [
    '| line | step | code | checked by |',
    '| --- | --- | --- | --- |',
    '| (L1) | m | [padam.ts](../../packages/optimizers/src/papers/padam.ts) → `padamUpdate` | [padam.test.ts](../../packages/optimizers/test/papers/padam.test.ts): "P1: Padam with p = ½", "P2 …" |',
    '| (L2)–(L3) | v | [adam.ts](../../packages/optimizers/src/baselines/adam.ts) → `adamMomentsAt` | [adam.test.ts](../../packages/optimizers/test/baselines/adam.test.ts): "G5" |',
  ].join('\n');

  it('reads tags, ranges, file, function and quoted test names (trailing … dropped)', () => {
    const rows = parseLineRows(table, page);
    expect(rows.map((r) => r.lines)).toEqual([[1], [2, 3]]);
    expect(rows[0]?.file).toBe('packages/optimizers/src/papers/padam.ts');
    expect(rows[0]?.fn).toBe('padamUpdate');
    expect([...(rows[0]?.tests.get('packages/optimizers/test/papers/padam.test.ts') ?? [])]).toEqual(['P1: Padam with p = ½', 'P2']);
  });

  it('finds a function and a method body, and not a missing one', () => {
    const code = 'export function a() {\n  x; // (L1)\n}\n\nexport class K {\n  constructor() {\n    y; // (L0)\n  }\n\n  protected step(): void {\n    z; // (L2)–(L3)\n  }\n}\n';
    expect(codeTags(functionBody(code, 'a') ?? '')).toEqual([1]);
    expect(codeTags(functionBody(code, 'K.constructor') ?? '')).toEqual([0]);
    expect(codeTags(functionBody(code, 'K.step') ?? '')).toEqual([2, 3]);
    expect(functionBody(code, 'b')).toBeUndefined();
    expect(functionBody(code, 'K.missing')).toBeUndefined();
  });
});
