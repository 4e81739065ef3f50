/**
 * Writes a page per workspace package from its README (`docs/packages/<dir>.md`, `docs/apps/<dir>.md`),
 * with the README's relative links re-pointed from the package folder to the page's folder (the site's
 * link plugin then sends them to source views), and an index of every package with its description.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { REPO_ROOT } from '../repo-links.js';
import { cell, code, table } from './markdown-text.js';
import { clearDocsFolder, writeDocsFile } from './pages.js';

export interface WorkspacePackage {
  /** `packages` or `apps`. */
  readonly area: string;
  readonly dir: string;
  readonly name: string;
  readonly description: string;
  readonly hasReadme: boolean;
}

function readPackage(area: string, dir: string): WorkspacePackage | undefined {
  const manifest = join(REPO_ROOT, area, dir, 'package.json');
  if (!existsSync(manifest)) return undefined;
  const json: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
  const field = (k: string): string => (typeof json === 'object' && json !== null && k in json ? String((json as Record<string, unknown>)[k]) : '');
  return { area, dir, name: field('name'), description: field('description'), hasReadme: existsSync(join(REPO_ROOT, area, dir, 'README.md')) };
}

/** Every workspace package, `packages/*` then `apps/*`. */
export function workspacePackages(): WorkspacePackage[] {
  return ['packages', 'apps'].flatMap((area) =>
    readdirSync(join(REPO_ROOT, area), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => readPackage(area, e.name))
      .filter((p): p is WorkspacePackage => p !== undefined)
      .sort((a, b) => a.dir.localeCompare(b.dir)),
  );
}

/** Re-points the relative link targets of `markdown`, written in `fromDir`, to `toDir` (both repository-relative). */
export function repointLinks(markdown: string, fromDir: string, toDir: string): string {
  let fence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(`{3,}|~{3,})/.test(line)) fence = !fence;
      if (fence) return line;
      return line.replace(/\]\(([^)\s]+)\)/g, (whole, target: string) => {
        if (/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(target)) return whole;
        return `](${posix.relative(toDir, posix.join(fromDir, target)) || '.'})`;
      });
    })
    .join('\n');
}

/** Writes the package pages and their index; returns how many packages got a page. */
export function writePackagePages(): number {
  clearDocsFolder('packages');
  clearDocsFolder('apps');
  const packages = workspacePackages();
  for (const p of packages) {
    const page = `${p.area}/${p.dir}.md`;
    const readme = p.hasReadme ? readFileSync(join(REPO_ROOT, p.area, p.dir, 'README.md'), 'utf8') : `# ${p.name}\n\n${p.description}\n`;
    const body = repointLinks(readme, `${p.area}/${p.dir}`, posix.join('docs', dirname(page)));
    const src = `${p.area}/${p.dir}/src`;
    const source = existsSync(join(REPO_ROOT, src)) ? `\n\n---\n\nMade from \`${p.area}/${p.dir}/${p.hasReadme ? "README.md" : "package.json"}\`. The package's sources: [\`${src}\`](../../${src}).\n` : '';
    writeDocsFile(page, `${body}${source}`);
  }
  const rows = packages.map((p) => [`[${code(p.name)}](../${p.area}/${p.dir}.md)`, code(`${p.area}/${p.dir}`), cell(p.description)]);
  writeDocsFile(
    'packages/index.md',
    `# Packages\n\nEvery workspace package, with the page made from its README.\n\n${table(['package', 'folder', 'what'], rows)}`,
  );
  return packages.length;
}
