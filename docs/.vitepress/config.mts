/**
 * The gapkit docs site (VitePress, `srcDir` = docs/). `pnpm docs:build` first runs `pnpm docs:gen`
 * (apps/docs/src/gen/main.ts: package pages, registry tables, bench page, API reference, source views).
 * Math is KaTeX through markdown-it; relative links to repository files become links to their source
 * views (apps/docs/src/markdown-repo-links.ts); dead links fail the build (ignoreDeadLinks stays off).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { katex } from '@mdit/plugin-katex';
import { defineConfig, type DefaultTheme } from 'vitepress';
import { repoLinksPlugin } from '../../apps/docs/src/markdown-repo-links.js';

const apiSidebarFile = fileURLToPath(new URL('../api/typedoc-sidebar.json', import.meta.url));

interface SidebarNode {
  text?: string;
  link?: string;
  collapsed?: boolean;
  items?: SidebarNode[];
}

/** TypeDoc's sidebar nests `optimizers` → `src` (→ `node`); readers import `@gapkit/optimizers` and `@gapkit/data/node`. */
function apiSidebar(): DefaultTheme.SidebarItem[] {
  if (!existsSync(apiSidebarFile)) throw new Error(`${apiSidebarFile} is missing: run \`pnpm docs:gen\` (pnpm docs:build does)`);
  const tree = JSON.parse(readFileSync(apiSidebarFile, 'utf8')) as SidebarNode[];
  return tree.flatMap((pkg): DefaultTheme.SidebarItem[] => {
    const src = pkg.items?.find((i) => i.text === 'src');
    if (src === undefined) return [pkg as DefaultTheme.SidebarItem];
    const node = src.items?.find((i) => i.text === 'node');
    const rest = (src.items ?? []).filter((i) => i !== node);
    const out: DefaultTheme.SidebarItem[] = [
      rest.length > 0 ? { text: `@gapkit/${pkg.text}`, link: src.link, collapsed: true, items: rest as DefaultTheme.SidebarItem[] } : { text: `@gapkit/${pkg.text}`, link: src.link },
    ];
    if (node) out.push({ text: `@gapkit/${pkg.text}/node`, link: node.link });
    return out;
  });
}

const katexProblems: string[] = [];

const guide: DefaultTheme.SidebarItem[] = [
  {
    text: 'Start',
    items: [
      { text: 'Getting started', link: '/getting-started' },
      { text: 'Property-test your optimizer', link: '/testing-your-optimizer' },
      { text: 'Conformance format', link: '/conformance/README' },
      { text: 'Decisions', link: '/decisions' },
    ],
  },
  {
    text: 'Papers',
    items: [
      { text: 'ND-Adam + regularized softmax', link: '/papers/nd-adam' },
      { text: 'Padam', link: '/papers/padam' },
      { text: 'AdamS / SGDS', link: '/papers/adams-sgds' },
      { text: 'LAWN', link: '/papers/lawn' },
      { text: 'Baselines', link: '/papers/baselines' },
      { text: 'Schedules', link: '/papers/schedules' },
    ],
  },
  {
    text: 'Experiments',
    items: [
      { text: 'All experiments', link: '/experiments/' },
      { text: 'ND-Adam effective step', link: '/experiments/ndadam-effective-step/report' },
      { text: 'ND-Adam logit norms', link: '/experiments/ndadam-logits/report' },
      { text: "Padam's p sweep", link: '/experiments/padam-p-sweep/report' },
      { text: 'AdamS gradient norms', link: '/experiments/adams-gradient-norm/report' },
      { text: 'LAWN on MovieLens-100k', link: '/experiments/lawn-ml100k/report' },
    ],
  },
  {
    text: 'Models, data, compute',
    items: [
      { text: 'Models', link: '/models' },
      { text: 'Data', link: '/data' },
      { text: 'Backends', link: '/backends' },
      { text: 'Benchmarks', link: '/benchmarks' },
    ],
  },
  { text: 'Packages', link: '/packages/' },
  { text: 'API reference', link: '/api/' },
];

export default defineConfig({
  title: 'gapkit',
  description: 'Optimizers that close the generalization gap between adaptive methods and SGD, each paper beside its code and its tests',
  srcDir: '.',
  lang: 'en',
  cleanUrls: false,
  lastUpdated: false,
  // Without an icon link Chromium asks for /favicon.ico, and the e2e test counts that 404 as an error.
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  markdown: {
    config(md) {
      // VitePress and @mdit/plugin-katex are typed against two versions of @types/markdown-it that differ
      // only in a utils helper neither uses here; the instance is the same markdown-it 14 object.
      katex(md as unknown as Parameters<typeof katex>[0], {
        // Recorded, and the build fails at its end naming every one (buildEnd below).
        logger: (code, message, _token, env) => {
          const page = typeof env === 'object' && env !== null && 'relativePath' in env ? String(env.relativePath) : '?';
          katexProblems.push(`${page}: KaTeX ${code}: ${message}`);
          return 'ignore';
        },
      });
      md.use(repoLinksPlugin);
    },
  },
  themeConfig: {
    nav: [
      { text: 'Getting started', link: '/getting-started' },
      { text: 'Papers', link: '/papers/padam' },
      { text: 'Experiments', link: '/experiments/' },
      { text: 'Packages', link: '/packages/' },
      { text: 'API', link: '/api/' },
    ],
    sidebar: {
      '/api/': [{ text: 'API reference', link: '/api/' }, ...apiSidebar()],
      '/': guide,
    },
    outline: { level: [2, 3] },
    search: {
      provider: 'local',
      options: {
        // The search index renders every page a second time: leave out the generated source views (the
        // code is one click away from the pages that cite it) to keep the build quick.
        _render(src, env, md) {
          return env.relativePath.startsWith('source/') ? '' : md.render(src, env);
        },
      },
    },
  },
  buildEnd() {
    if (katexProblems.length > 0) throw new Error(`math that KaTeX could not typeset:\n${katexProblems.join('\n')}`);
  },
});
