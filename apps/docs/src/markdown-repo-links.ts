/**
 * A markdown-it plugin for the site: rewrites each relative link to a repository file, folder or
 * package README into its page on the site (see `repo-links.ts`), before VitePress renders the link
 * and checks it for dead targets. The markdown files keep their GitHub-style links.
 */
import { resolveRepoLink } from './repo-links.js';

/** The part of markdown-it's token this plugin reads and writes. */
interface LinkToken {
  type: string;
  children: LinkToken[] | null;
  attrGet(name: string): string | null;
  attrSet(name: string, value: string): void;
}

/** The part of markdown-it this plugin uses (markdown-it's own types are not a dependency of this package). */
export interface MarkdownItLike {
  core: { ruler: { push(name: string, rule: (state: { tokens: LinkToken[]; env: unknown }) => void): void } };
}

function pageOf(env: unknown): string | undefined {
  if (typeof env !== 'object' || env === null || !('relativePath' in env)) return undefined;
  const rel = env.relativePath;
  return typeof rel === 'string' ? rel : undefined;
}

export function repoLinksPlugin(md: MarkdownItLike): void {
  md.core.ruler.push('gapkit_repo_links', (state) => {
    const page = pageOf(state.env);
    if (page === undefined) return;
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type !== 'link_open') continue;
        const href = token.attrGet('href');
        if (href === null) continue;
        const target = resolveRepoLink(page, href);
        if (target !== undefined && target.kind !== 'page') token.attrSet('href', target.href);
      }
    }
  });
}
