/**
 * The algorithm boxes cannot drift: the lines (L1), (L2), … printed in a section of a paper page, the
 * lines of the box in the code file's header, and the `// (Lk)` tags on its statements are one numbering.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const SRC = 'packages/optimizers/src';

/** [page, section heading, code file]: each section prints the box that the code file implements. */
const BOXES: readonly (readonly [string, string, string])[] = [
  ['docs/papers/nd-adam.md', 'Algorithm', `${SRC}/papers/nd-adam.ts`],
  ['docs/papers/padam.md', 'Algorithm', `${SRC}/papers/padam.ts`],
  ['docs/papers/adams-sgds.md', 'AdamS algorithm', `${SRC}/papers/adams.ts`],
  ['docs/papers/adams-sgds.md', 'SGDS algorithm', `${SRC}/papers/sgds.ts`],
  ['docs/papers/lawn.md', 'Algorithm', `${SRC}/papers/lawn.ts`],
  ['docs/papers/baselines.md', 'SGD-momentum', `${SRC}/baselines/sgd.ts`],
  ['docs/papers/baselines.md', 'Adam', `${SRC}/baselines/adam.ts`],
  ['docs/papers/baselines.md', 'LAMB', `${SRC}/baselines/lamb.ts`],
  ['docs/papers/baselines.md', 'AdaBound', `${SRC}/baselines/adabound.ts`],
  ['docs/papers/baselines.md', 'Yogi', `${SRC}/baselines/yogi.ts`],
  ['docs/papers/baselines.md', 'RAdam', `${SRC}/baselines/radam.ts`],
];

/** The text of the `## heading` section of a Markdown page (up to the next `## `). */
function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`no section '## ${heading}'`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Sorted numbers k of the tags written (Lk) — ranges (La)–(Lb) expanded — in `text`. */
function lineTags(text: string): number[] {
  const tags = new Set<number>();
  for (const m of text.matchAll(/\(L(\d+)\)(?:\s*[–-]\s*\(L(\d+)\))?/g)) {
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    for (let k = a; k <= b; k++) tags.add(k);
  }
  return [...tags].sort((x, y) => x - y);
}

/** The bold box lines **(Lk)** of a page section. */
function pageTags(sectionText: string): number[] {
  return lineTags([...sectionText.matchAll(/\*\*(\(L\d+\))\*\*/g)].map((m) => m[1]).join(' '));
}

/** Lines of the file's first doc comment that start a box line: ` *   (Lk) …`. */
function headerTags(code: string): number[] {
  const header = code.slice(0, code.indexOf('*/'));
  return lineTags(
    header
      .split('\n')
      .filter((l) => /^\s*\*\s+\(L\d+\)/.test(l))
      .map((l) => l.match(/\(L\d+\)/)?.[0] ?? '')
      .join(' '),
  );
}

/** Tags in `//` comments after statements. */
function statementTags(code: string): number[] {
  const comments = code.split('\n').flatMap((l) => {
    const i = l.indexOf('// ');
    return i > 0 && l.slice(0, i).trim() !== '' ? [l.slice(i)] : [];
  });
  return lineTags(comments.join('\n'));
}

describe('algorithm boxes: page lines = header lines = statement tags', () => {
  it.each(BOXES.map(([page, heading, file]) => [`${page} "${heading}" ↔ ${file}`, page, heading, file]))('%s', (_name, page, heading, file) => {
    const onPage = pageTags(section(readFileSync(join(REPO, page), 'utf8'), heading));
    const code = readFileSync(join(REPO, file), 'utf8');
    expect(onPage.length).toBeGreaterThanOrEqual(4);
    expect(headerTags(code)).toEqual(onPage);
    expect(statementTags(code)).toEqual(onPage);
  });

  it('reads ranges and lists of tags', () => {
    expect(lineTags('x; // (L2)–(L4)\ny; // (L0), (L5)')).toEqual([0, 2, 3, 4, 5]);
    expect(lineTags('(L1) only')).toEqual([1]);
  });
});
