/**
 * `pnpm docs:gen` (run by `pnpm docs:build` and `pnpm docs:dev`): writes every generated part of the
 * site — the package pages, the registry's hyperparameter tables, the benchmark chart and tables, the
 * API reference, and last the source views every page links to.
 */
import { writeApiReference } from './api.js';
import { writeBenchPage } from './bench-page.js';
import { hyperparameterPages } from './hyperparameters.js';
import { writePackagePages } from './package-pages.js';
import { clearDocsFolder, writeDocsFile } from './pages.js';
import { writeSourceViews } from './source-views.js';

const started = performance.now();
const packages = writePackagePages();
clearDocsFolder('.generated');
const tables = hyperparameterPages();
for (const [file, md] of tables) writeDocsFile(`.generated/hyperparameters/${file}`, md);
const bench = await writeBenchPage();
await writeApiReference();
const views = writeSourceViews();
console.log(
  `docs:gen: ${packages} package pages, ${tables.size} hyperparameter tables, bench page from ${bench}, API reference, ` +
    `${views.files} source views and ${views.folders} folder views in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
