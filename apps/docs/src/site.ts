/** Where the built site is, and the pages a reader opens first. */
import { join } from 'node:path';
import { DOCS_ROOT } from './repo-links.js';

/** VitePress's output folder (gitignored). */
export const SITE_DIST = join(DOCS_ROOT, '.vitepress', 'dist');
/** Screenshots the e2e test saves (gitignored). */
export const SCREENSHOTS = join(DOCS_ROOT, '.screenshots');

/** The paper pages, as served. */
export const PAPER_PAGES = ['papers/nd-adam.html', 'papers/padam.html', 'papers/adams-sgds.html', 'papers/lawn.html', 'papers/baselines.html'] as const;
/** Other pages the e2e test opens: the home page and the pages with figures or generated tables. */
export const OTHER_PAGES = ['index.html', 'benchmarks.html', 'getting-started.html', 'testing-your-optimizer.html', 'backends.html', 'packages/index.html', 'api/index.html'] as const;
