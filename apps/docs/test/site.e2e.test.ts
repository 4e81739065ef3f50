/**
 * The site as a reader sees it: serves the built site (docs/.vitepress/dist) on 127.0.0.1 and opens
 * every paper page, and the pages with figures and generated tables, in headless Chromium (Debian's,
 * driven by playwright-core). On each: the math rendered (KaTeX elements, no raw `$…$` left), every
 * image loaded, no console error, no failed request, and every link into the site answers. Saves
 * screenshots of the Padam page to docs/.screenshots/. Skips, saying why, only when Chromium cannot
 * be installed.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, ensureChromium } from '../src/chromium.js';
import { OTHER_PAGES, PAPER_PAGES, SCREENSHOTS, SITE_DIST } from '../src/site.js';
import { type RunningServer, serveStatic } from '../src/static-server.js';

const found = ensureChromium();
const skipReason = 'reason' in found ? `docs e2e skipped: ${found.reason}` : undefined;
if (skipReason) console.log(skipReason);

interface PageReport {
  readonly katex: number;
  readonly rawMath: string[];
  readonly brokenImages: string[];
  readonly images: number;
  readonly internalLinks: string[];
}

/** What the page shows: KaTeX count, `$…$` left in the prose, images that did not load, same-site links. */
async function inspect(page: Page): Promise<PageReport> {
  return page.evaluate(() => {
    const doc = document.querySelector('.vp-doc') ?? document.body;
    const prose = doc.cloneNode(true) as HTMLElement;
    for (const e of prose.querySelectorAll('.katex, pre, code, script, style')) e.remove();
    const rawMath = [...(prose.textContent ?? '').matchAll(/\$[^\s$][^$]{0,80}\$/g)].map((m) => m[0]);
    const imgs = [...document.querySelectorAll('img')];
    const brokenImages = imgs.filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.getAttribute('src') ?? '');
    const internalLinks = [...document.querySelectorAll('a[href]')]
      .map((a) => (a as HTMLAnchorElement).href)
      .filter((h) => h.startsWith(location.origin))
      .map((h) => h.split('#')[0] ?? h);
    return { katex: doc.querySelectorAll('.katex').length, rawMath, brokenImages, images: imgs.length, internalLinks };
  });
}

describe.skipIf(skipReason !== undefined)('the docs site in headless Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let profile: string;
  const checkedLinks = new Map<string, number>();

  beforeAll(async () => {
    if (!existsSync(join(SITE_DIST, 'index.html'))) throw new Error(`no built site at ${SITE_DIST}: run \`pnpm docs:build\` first`);
    server = await serveStatic(SITE_DIST);
    profile = mkdtempSync(join(tmpdir(), 'gapkit-docs-chromium-'));
    const executablePath = 'path' in found ? found.path : '';
    context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: [...CHROMIUM_FLAGS], viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Opens one page, fails on console errors and failed requests, and returns what it shows. */
  async function open(path: string): Promise<{ page: Page; report: PageReport }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? '?'})`));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    const before = server.notFound.length;
    const response = await page.goto(`${server.url}/${path}`, { waitUntil: 'networkidle' });
    expect(response?.status(), `${path} answered`).toBe(200);
    await page.waitForSelector('.VPContent');
    const report = await inspect(page);
    for (const missing of server.notFound.slice(before)) errors.push(`the server has no ${missing}`);
    expect(errors, `${path}: console errors and failed requests`).toEqual([]);
    return { page, report };
  }

  /** Every same-site link answers 200 (each URL fetched once). */
  async function checkLinks(from: string, links: readonly string[]): Promise<void> {
    const dead: string[] = [];
    for (const link of new Set(links)) {
      let status = checkedLinks.get(link);
      if (status === undefined) {
        status = (await fetch(link)).status;
        checkedLinks.set(link, status);
      }
      if (status !== 200) dead.push(`${link} → ${status}`);
    }
    expect(dead, `${from}: dead links`).toEqual([]);
  }

  it.each(PAPER_PAGES)('%s: math rendered, images loaded, no console error, links answer', async (path) => {
    const { page, report } = await open(path);
    expect(report.katex, `${path}: KaTeX elements`).toBeGreaterThan(10);
    expect(report.rawMath, `${path}: raw $…$ left in the text`).toEqual([]);
    expect(report.brokenImages, `${path}: images that did not load`).toEqual([]);
    expect(await page.locator('h2:has-text("Line → code → test")').count(), `${path}: the line → code → test section`).toBe(1);
    expect(await page.locator('table:has(th:has-text("default")) >> text=source').count(), `${path}: the registry's hyperparameter table`).toBeGreaterThan(0);
    await checkLinks(path, report.internalLinks);
    if (path === 'papers/padam.html') {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'padam-top.png') });
      await page.locator('#line-→-code-→-test, h2:has-text("Line → code → test")').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, 'padam-line-table.png') });
      await page.screenshot({ path: join(SCREENSHOTS, 'padam-full.png'), fullPage: true });
      expect(existsSync(join(SCREENSHOTS, 'padam-top.png'))).toBe(true);
    }
    await page.close();
  });

  it.each(OTHER_PAGES)('%s: loads without console errors, every image loaded, links answer', async (path) => {
    const { page, report } = await open(path);
    expect(report.brokenImages, `${path}: images that did not load`).toEqual([]);
    expect(report.rawMath, `${path}: raw $…$ left in the text`).toEqual([]);
    if (path === 'benchmarks.html') expect(report.images, 'the benchmark chart').toBeGreaterThan(0);
    await checkLinks(path, report.internalLinks);
    await page.close();
  });

  it('the server answers 404 for a page that does not exist (the link check can fail)', async () => {
    expect((await fetch(`${server.url}/papers/no-such-page.html`)).status).toBe(404);
  });
});
