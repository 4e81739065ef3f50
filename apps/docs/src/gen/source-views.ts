/**
 * Writes a source view for every repository file or folder that a site page links to (see
 * `repo-links.ts`): the file as a highlighted code block with line numbers, or the folder's listing.
 * A link to something that does not exist gets no view, so VitePress reports it as a dead link.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { DOCS_ROOT, markdownLinkTargets, REPO_ROOT, resolveRepoLink, SOURCE_DIR, sourceViewPage } from '../repo-links.js';
import { clearDocsFolder, sitePages, writeDocsFile } from './pages.js';

const LANGUAGE: Readonly<Record<string, string>> = {
  '.ts': 'ts', '.mts': 'ts', '.js': 'js', '.mjs': 'js', '.json': 'json', '.md': 'md', '.yaml': 'yaml', '.yml': 'yaml',
  '.sh': 'bash', '.py': 'python', '.cff': 'yaml', '.toml': 'toml', '.html': 'html', '.css': 'css',
};
/** Bigger files show their first part only (the build stays quick and the page readable). */
const MAX_CHARS = 200_000;

/** A fence longer than any run of backticks in the text. */
function fenceFor(text: string): string {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** The markdown of the source view of one repository file. */
export function fileView(repoPath: string): string {
  const bytes = readFileSync(join(REPO_ROOT, repoPath));
  const head = `# \`${repoPath}\`\n\nThe repository file \`${repoPath}\`, as this site was built.\n\n`;
  if (bytes.includes(0)) return `${head}A binary file of ${bytes.length} bytes: open it from a checkout.\n`;
  const text = bytes.toString('utf8');
  const shown = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const note = text.length > MAX_CHARS ? `Only its first ${MAX_CHARS} of ${text.length} characters are shown.\n\n` : '';
  const fence = fenceFor(shown);
  const lang = LANGUAGE[extname(repoPath)] ?? 'txt';
  return `${head}${note}${fence}${lang}:line-numbers\n${shown.replace(/\n$/, '')}\n${fence}\n`;
}

/** The markdown of the source view of one repository folder: its files, each linked to its view. */
export function folderView(repoPath: string, entries: readonly { name: string; isDir: boolean }[]): string {
  const lines = entries.map((e) => {
    if (e.isDir) return `- \`${e.name}/\``;
    // resolved as a link from docs/index.md, i.e. from the repository root one level up
    const t = resolveRepoLink('index.md', `../${repoPath}/${e.name}`);
    const href = t === undefined || t.kind === 'page' ? `/${repoPath.slice('docs/'.length)}/${e.name}` : t.href;
    return `- [\`${e.name}\`](${href})`;
  });
  return `# \`${repoPath}/\`\n\nThe files of the repository folder \`${repoPath}\`.\n\n${lines.join('\n')}\n`;
}

/** Writes every view the pages need; returns how many files and folders got one. */
export function writeSourceViews(): { files: number; folders: number } {
  clearDocsFolder(SOURCE_DIR);
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const page of sitePages()) {
    for (const href of markdownLinkTargets(readFileSync(join(DOCS_ROOT, page), 'utf8'))) {
      const t = resolveRepoLink(page, href);
      if (t === undefined || (t.kind !== 'source-file' && t.kind !== 'source-dir')) continue;
      if (!existsSync(join(REPO_ROOT, t.repoPath))) continue;
      (t.kind === 'source-file' ? files : folders).add(t.repoPath);
    }
  }
  for (const dir of folders) {
    const entries = readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })
      .filter((e) => e.name !== 'node_modules' && e.name !== 'dist' && !e.name.startsWith('.'))
      .map((e) => ({ name: e.name, isDir: e.isDirectory() }))
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const t = e.isDir ? undefined : resolveRepoLink('index.md', `../${dir}/${e.name}`);
      if (t?.kind === 'source-file') files.add(t.repoPath);
    }
    writeDocsFile(sourceViewPage(dir, true), folderView(dir, entries));
  }
  for (const file of files) if (statSync(join(REPO_ROOT, file)).isFile()) writeDocsFile(sourceViewPage(file, false), fileView(file));
  return { files: files.size, folders: folders.size };
}
