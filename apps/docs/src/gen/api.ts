/**
 * The API reference: TypeDoc reads each library package's entry points and doc comments, and
 * typedoc-plugin-markdown with typedoc-vitepress-theme writes markdown pages and a sidebar into
 * docs/api/ (generated, not committed).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '@gapkit/node-io';
import { join } from 'node:path';
import { Application, type TypeDocOptions } from 'typedoc';
import { REPO_ROOT } from '../repo-links.js';
import { workspacePackages } from './package-pages.js';
import { clearDocsFolder } from './pages.js';

/** `src/index.ts` and `src/node/index.ts` of every library package (apps are documented by their pages). */
export function apiEntryPoints(): string[] {
  return workspacePackages()
    .filter((p) => p.area === 'packages')
    .flatMap((p) => ['src/index.ts', 'src/node/index.ts'].map((f) => join(REPO_ROOT, p.area, p.dir, f)))
    .filter((f) => existsSync(f));
}

/** TypeDoc names each module by its folder (`optimizers/src`, `data/src/node`); readers import `@gapkit/optimizers`, `@gapkit/data/node`. */
export function importName(moduleName: string): string {
  const m = /^([a-z0-9-]+)\/src(\/node)?$/.exec(moduleName);
  return m ? `@gapkit/${m[1]}${m[2] ?? ''}` : moduleName;
}

/** Renames the modules in the generated pages' titles and link texts and in the sidebar. */
function renameModules(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      renameModules(p);
      continue;
    }
    if (!e.name.endsWith('.md') && !e.name.endsWith('.json')) continue;
    const text = readFileSync(p, 'utf8');
    const renamed = text
      .replace(/(\[|"text":"|^# |\) \/ )([a-z0-9-]+\/src(?:\/node)?)(?=[\]"]|$)/gm, (_all, before: string, name: string) => `${before}${importName(name)}`);
    if (renamed !== text) writeFileAtomic(p, renamed);
  }
}

/** Runs TypeDoc; fails on its errors (a broken doc comment link is a warning, printed). */
export async function writeApiReference(): Promise<number> {
  clearDocsFolder('api');
  // docsRoot is typedoc-vitepress-theme's option (sidebar links relative to the site root),
  // outputFileStrategy typedoc-plugin-markdown's.
  const options: Partial<TypeDocOptions> & { docsRoot: string; outputFileStrategy: 'modules' | 'members' } = {
    entryPoints: apiEntryPoints(),
    tsconfig: join(REPO_ROOT, 'apps/docs/tsconfig.typedoc.json'),
    docsRoot: join(REPO_ROOT, 'docs'),
    plugin: ['typedoc-plugin-markdown', 'typedoc-vitepress-theme'],
    out: join(REPO_ROOT, 'docs/api'),
    readme: 'none',
    // One page per module: a page per member would be ~750 pages, each carrying the whole sidebar.
    outputFileStrategy: 'modules',
    name: 'gapkit API',
    excludePrivate: true,
    excludeInternal: true,
    githubPages: false,
    hideGenerator: true,
    logLevel: 'Warn',
    validation: { notExported: false, invalidLink: true, notDocumented: false },
  };
  const app = await Application.bootstrapWithPlugins(options);
  const project = await app.convert();
  if (project === undefined) throw new Error('TypeDoc could not convert the packages (errors above)');
  await app.generateOutputs(project);
  if (app.logger.hasErrors()) throw new Error('TypeDoc reported errors (above)');
  renameModules(join(REPO_ROOT, 'docs/api'));
  const sidebar = join(REPO_ROOT, 'docs/api/typedoc-sidebar.json');
  if (!existsSync(sidebar)) throw new Error(`TypeDoc wrote no sidebar at ${sidebar}`);
  return readFileSync(sidebar, 'utf8').length;
}
