/**
 * What a Markdown page points at: its relative links (with their `#anchor`), the repository paths it
 * names in code spans (`packages/…`, `apps/…`, `docs/…`, `scripts/…`), and the anchors its own headings
 * define (GitHub's slugs). Parsed with markdown-it, so links and code inside fenced blocks are not
 * mistaken for references.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import MarkdownIt, { type Token } from 'markdown-it';

/** Top-level folders of the repository; a code span starting with one of them names a repository path. */
const REPO_ROOTS = ['packages/', 'apps/', 'docs/', 'scripts/'];

/** One reference found on a page. */
export interface DocReference {
  readonly kind: 'link' | 'code-path';
  /** As written on the page. */
  readonly text: string;
  /** The file or folder it names, absolute. */
  readonly target: string;
  /** The anchor after `#`, if any (links only). */
  readonly anchor?: string;
}

const md = new MarkdownIt();

/** Plain text of an inline token (text and code spans), as GitHub slugs a heading. */
function inlineText(token: Token): string {
  return (token.children ?? []).map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : '')).join('');
}

/** The anchors (GitHub slugs, duplicates numbered) of every heading of `markdown`. */
export function headingAnchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const tokens = md.parse(markdown, {});
  const anchors = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type === 'heading_open' && tokens[i + 1]?.type === 'inline') anchors.add(slugger.slug(inlineText(tokens[i + 1])));
  }
  return anchors;
}

function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href);
}

function isPlaceholder(path: string): boolean {
  return /[<>*{}]/.test(path);
}

/** Every relative link and every repository path in code spans of `markdown`, a page at `file`. */
export function docReferences(markdown: string, file: string, repoRoot: string): DocReference[] {
  const refs: DocReference[] = [];
  const walk = (tokens: readonly Token[]): void => {
    for (const t of tokens) {
      if (t.children) walk(t.children);
      if (t.type === 'link_open') {
        const href = String(t.attrGet('href') ?? '');
        if (href === '' || isExternal(href)) continue;
        const hash = href.indexOf('#');
        const path = decodeURI(hash < 0 ? href : href.slice(0, hash));
        const anchor = hash < 0 ? undefined : decodeURIComponent(href.slice(hash + 1));
        refs.push({ kind: 'link', text: href, target: path === '' ? file : resolve(dirname(file), path), anchor });
      } else if (t.type === 'code_inline') {
        const path = t.content.trim();
        if (REPO_ROOTS.some((r) => path.startsWith(r)) && !/\s/.test(path) && !isPlaceholder(path)) {
          refs.push({ kind: 'code-path', text: path, target: resolve(repoRoot, path) });
        }
      }
    }
  };
  walk(md.parse(markdown, {}));
  return refs;
}

/** The problems of one page: each reference whose target (or anchor) does not exist, as a sentence. */
export function brokenReferences(markdown: string, file: string, repoRoot: string): string[] {
  const where = relative(repoRoot, file);
  const problems: string[] = [];
  for (const ref of docReferences(markdown, file, repoRoot)) {
    if (ref.target !== file && !existsSync(ref.target)) {
      problems.push(`${where}: ${ref.kind} '${ref.text}' names ${relative(repoRoot, ref.target)}, which does not exist`);
    } else if (ref.anchor !== undefined && ref.target.endsWith('.md')) {
      const text = ref.target === file ? markdown : readFileSync(ref.target, 'utf8');
      if (!headingAnchors(text).has(ref.anchor)) {
        problems.push(`${where}: link '${ref.text}' names anchor #${ref.anchor}, which no heading of ${relative(repoRoot, ref.target)} defines`);
      }
    }
  }
  return problems;
}
