/** The site's markdown pages on disk, and writing generated ones. */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { writeFileAtomic } from '@gapkit/node-io';
import { DOCS_ROOT } from '../repo-links.js';

/** Folders under docs/ that hold no pages (VitePress's own, dependencies, build output). */
const NOT_PAGES = new Set(['.vitepress', 'node_modules', 'dist', '.generated']);

/** Every markdown page of the site, docs-relative with forward slashes. */
export function sitePages(dir = DOCS_ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return NOT_PAGES.has(e.name) ? [] : sitePages(p);
    return e.name.endsWith('.md') ? [relative(DOCS_ROOT, p).split(sep).join('/')] : [];
  });
}

/** Writes a generated file under docs/ atomically, creating its folder. */
export function writeDocsFile(docsRel: string, content: string | Uint8Array): void {
  const path = join(DOCS_ROOT, docsRel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, content);
}

/** Empties a generated folder under docs/ so nothing stale survives a rebuild. */
export function clearDocsFolder(docsRel: string): void {
  rmSync(join(DOCS_ROOT, docsRel), { recursive: true, force: true });
}
