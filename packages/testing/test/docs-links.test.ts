/**
 * The docs cannot drift from the tree: every relative link (and its #anchor) and every repository path
 * named in a code span of `docs/**\/*.md` and the root README must exist, and so must every docs page
 * (and #anchor) that a source or test file of `packages/` or `apps/` cites.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brokenReferences, docReferences, headingAnchors } from './helpers/doc-references.js';

const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Folders of docs/ that `pnpm docs:gen` writes (gitignored; the site build checks their links) and VitePress's own. */
const GENERATED = new Set(['.vitepress', '.generated', 'api', 'source', 'packages', 'apps'].map((d) => join(REPO, 'docs', d)));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return GENERATED.has(p) ? [] : markdownFiles(p);
    return e.name.endsWith('.md') ? [p] : [];
  });
}

/** Every TypeScript file under `dir`, without dependencies and build output. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** `docs/….md` or `docs/….md#anchor` as cited in code. */
const DOC_CITATION = /\bdocs\/[\w./-]+\.md(?:#[\w-]+)?/g;

const PAGES = [...markdownFiles(join(REPO, 'docs')), join(REPO, 'README.md')];

describe('docs links and code paths', () => {
  it('the pages exist and reference the code (the check has something to check)', () => {
    for (const page of ['papers/nd-adam.md', 'papers/padam.md', 'papers/adams-sgds.md', 'papers/lawn.md', 'papers/baselines.md', 'models.md', 'data.md']) {
      expect(PAGES).toContain(join(REPO, 'docs', page));
    }
    const refs = PAGES.flatMap((p) => docReferences(readFileSync(p, 'utf8'), p, REPO));
    expect(refs.filter((r) => r.kind === 'link').length).toBeGreaterThan(100);
    expect(refs.some((r) => r.kind === 'code-path')).toBe(true);
  });

  it.each(PAGES.map((p) => [p.slice(REPO.length + 1), p]))('%s: every relative link, anchor and code path exists', (_name, page) => {
    expect(brokenReferences(readFileSync(page, 'utf8'), page, REPO)).toEqual([]);
  });
});

describe('docs pages cited by the code', () => {
  const files = [...sourceFiles(join(REPO, 'packages')), ...sourceFiles(join(REPO, 'apps'))];
  const citations = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(DOC_CITATION)].map((m) => ({ file: f, text: m[0] })));

  it('the code cites the paper pages', () => {
    expect(citations.filter((c) => c.text.startsWith('docs/papers/')).length).toBeGreaterThan(30);
  });

  it('every cited page and #anchor exists', () => {
    const problems: string[] = [];
    for (const { file, text } of citations) {
      const [path, anchor] = text.split('#');
      const target = join(REPO, path);
      const where = file.slice(REPO.length + 1);
      if (!existsSync(target)) problems.push(`${where}: cites ${text}, but ${path} does not exist`);
      else if (anchor !== undefined && !headingAnchors(readFileSync(target, 'utf8')).has(anchor)) {
        problems.push(`${where}: cites ${text}, but no heading of ${path} defines #${anchor}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the checker itself', () => {
  const page = join(REPO, 'docs', 'example.md');

  it('reports a missing file, a missing anchor and a missing code path, each by name', () => {
    const text = [
      '# Title',
      '## Two epsilon conventions',
      '[ok](README.md) [ok anchor](#two-epsilon-conventions) [gone](papers/nope.md)',
      '[bad anchor](papers/padam.md#no-such-heading) `packages/optimizers/src/papers/nope.ts` `packages/optimizers/src/papers/padam.ts`',
      '[web](https://example.org/x.md)',
      '```',
      '[inside a fence](nowhere.md) `packages/nowhere.ts`',
      '```',
    ].join('\n');
    const problems = brokenReferences(text, page, REPO);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/link 'papers\/nope\.md' names docs\/papers\/nope\.md, which does not exist/);
    expect(problems[1]).toMatch(/anchor #no-such-heading/);
    expect(problems[2]).toMatch(/code-path 'packages\/optimizers\/src\/papers\/nope\.ts'/);
  });

  it('slugs headings as GitHub does, numbering duplicates', () => {
    const anchors = headingAnchors('# A b\n## Where gapkit follows the authors’ code\n## A b\n### `wrn` — standard\n');
    expect([...anchors]).toEqual(['a-b', 'where-gapkit-follows-the-authors-code', 'a-b-1', 'wrn--standard']);
  });
});
