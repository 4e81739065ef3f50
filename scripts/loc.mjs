// `pnpm loc`: lines per workspace package (source, tests, scripts) and per named group, checked against
// the budgets in scripts/loc-budgets.json. Exit status 1, with a line per overrun, when one is over.
//
// What counts as a line: a non-blank line of a .ts / .tsx / .mts / .cts / .js / .mjs / .cjs file
// (declaration files .d.ts excluded). Comments count: they are read as much as code. `node_modules`,
// `dist` and dot-folders are skipped. Per package, `src` = files under src/, `test` = under test/,
// `scripts` = under scripts/; other files (vitest.config.ts …) are not counted. A group counts every
// file (relative to the repo root) matching one of its `include` globs and none of its `exclude` globs
// (picomatch syntax, e.g. `backend/!(cpu)/**/*`: a folder other than cpu/, at any depth).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const BUDGETS_FILE = 'scripts/loc-budgets.json';
const CODE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const KINDS = ['src', 'test', 'scripts'];

/** @param {string} dir absolute @returns {string[]} repo-relative `/` paths of the code files under dir */
function codeFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...codeFiles(p));
    else if (e.isFile() && CODE.test(e.name) && !e.name.endsWith('.d.ts')) out.push(relative(root, p).split(sep).join('/'));
  }
  return out;
}

/** @param {string} file repo-relative @returns {number} non-blank lines */
function lines(file) {
  let n = 0;
  for (const line of readFileSync(join(root, file), 'utf8').split('\n')) if (line.trim() !== '') n++;
  return n;
}

/** @param {string} file @returns {unknown} parsed JSON */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(join(root, file), 'utf8'));
  } catch (e) {
    console.error(`pnpm loc: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}

const budgets = readJson(BUDGETS_FILE);
if (typeof budgets !== 'object' || budgets === null || typeof budgets.packages !== 'object' || typeof budgets.groups !== 'object') {
  console.error(`pnpm loc: ${BUDGETS_FILE} must be {"packages": {name: {src?, test?, scripts?}}, "groups": {name: {description, include, exclude?, max}}}`);
  process.exit(1);
}

const fmt = (n) => n.toLocaleString('en-US');
const over = [];
const warnings = [];
const rows = [];
for (const area of ['packages', 'apps']) {
  if (!existsSync(join(root, area))) continue;
  for (const dir of readdirSync(join(root, area)).sort()) {
    const pkgJson = join(root, area, dir, 'package.json');
    if (!existsSync(pkgJson)) continue;
    const name = JSON.parse(readFileSync(pkgJson, 'utf8')).name ?? `${area}/${dir}`;
    const counts = Object.fromEntries(KINDS.map((k) => [k, codeFiles(join(root, area, dir, k)).reduce((s, f) => s + lines(f), 0)]));
    const budget = budgets.packages[name];
    if (budget === undefined) warnings.push(`${name} has no budget: add one to ${BUDGETS_FILE}`);
    for (const k of KINDS) {
      const max = budget?.[k];
      if (max !== undefined && counts[k] > max) over.push(`${name} ${k}: ${fmt(counts[k])} lines > budget ${fmt(max)}`);
    }
    rows.push({ name, counts, budget });
  }
}
for (const name of Object.keys(budgets.packages)) {
  if (!rows.some((r) => r.name === name)) warnings.push(`${BUDGETS_FILE} has a budget for ${name}, which is not in the workspace`);
}

const cell = (n, max) => `${fmt(n)}${max === undefined ? '' : ` / ${fmt(max)}`}`.padStart(17);
const width = Math.max(...rows.map((r) => r.name.length), 'package'.length);
console.log(`${'package'.padEnd(width)}  ${'src / budget'.padStart(17)}  ${'test / budget'.padStart(17)}  ${'scripts / budget'.padStart(17)}`);
const total = { src: 0, test: 0, scripts: 0 };
for (const r of rows) {
  console.log(`${r.name.padEnd(width)}  ${KINDS.map((k) => cell(r.counts[k], r.budget?.[k])).join('  ')}`);
  for (const k of KINDS) total[k] += r.counts[k];
}
console.log(`${'total'.padEnd(width)}  ${KINDS.map((k) => cell(total[k])).join('  ')}`);
console.log('');

const allFiles = ['packages', 'apps'].flatMap((a) => codeFiles(join(root, a)));
for (const [name, g] of Object.entries(budgets.groups)) {
  if (!Array.isArray(g.include) || typeof g.max !== 'number') {
    console.error(`pnpm loc: group ${name} in ${BUDGETS_FILE} needs "include" (globs) and "max" (lines)`);
    process.exit(1);
  }
  const inc = picomatch(g.include);
  const exc = picomatch(g.exclude ?? []);
  const files = allFiles.filter((f) => inc(f) && !exc(f));
  const n = files.reduce((s, f) => s + lines(f), 0);
  if (files.length === 0) warnings.push(`group ${name} matches no file`);
  if (n > g.max) over.push(`group ${name}: ${fmt(n)} lines > budget ${fmt(g.max)}`);
  console.log(`group ${name}: ${fmt(n)} / ${fmt(g.max)} lines in ${files.length} files — ${g.description}`);
}
console.log('(lines = non-blank lines of .ts/.js files, comments included; see scripts/loc.mjs)');

for (const w of warnings) console.log(`warning: ${w}`);
if (over.length > 0) {
  console.error(`\npnpm loc: over budget (${BUDGETS_FILE}):\n${over.map((o) => `  ${o}`).join('\n')}`);
  process.exit(1);
}
