/**
 * The playground in a real Chromium (Debian's, driven by playwright-core): builds the app, serves it
 * from a loopback static server with COOP/COEP, trains a comparison on WebAssembly and one on gpu.js
 * WebGL, checks the charts update and the loss falls, the backend label, the in-page gpu.js vs
 * TypeScript self-test, each explorable and its slider, the export, and the page without isolation.
 * Screenshots go to apps/playground/screenshots/ (gitignored).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeFloat32Safetensors } from '@gapkit/safetensors';
import { unzipSync } from 'fflate';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../scripts/static-server.js';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.js';

const appRoot = fileURLToPath(new URL('..', import.meta.url));
const shots = join(appRoot, 'screenshots');
const repoRoot = join(appRoot, '..', '..');
const browser = ensureChromium();
if ('reason' in browser) console.warn(`[playground browser test] skipped: ${browser.reason}`);

interface Hooks {
  status(): string;
  losses(): number[][];
  accuracies(): number[][];
  backend(): string[];
}

const hooks = <T>(page: Page, f: (h: Hooks) => T): Promise<T> =>
  page.evaluate((src) => {
    const h = (globalThis as unknown as { gapkitPlayground: Hooks }).gapkitPlayground;
    return new Function('h', `return (${src})(h)`)(h) as T;
  }, f.toString());

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe.skipIf('reason' in browser)('playground in Chromium', () => {
  let outDir = '';
  let profile = '';
  let server: StaticServer;
  let plain: StaticServer;
  let context: BrowserContext;
  const errors: string[] = [];

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'gapkit-playground-dist-'));
    profile = mkdtempSync(join(tmpdir(), 'gapkit-playground-profile-'));
    mkdirSync(shots, { recursive: true });
    await build({ root: appRoot, configFile: join(appRoot, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    server = await serveStatic(outDir);
    plain = await serveStatic(outDir, { isolated: false });
    context = await chromium.launchPersistentContext(profile, {
      executablePath: 'path' in browser ? browser.path : '',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1300, height: 1000 },
      acceptDownloads: true,
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await plain?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const open = async (url: string): Promise<Page> => {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/GPU stall/.test(m.text())) errors.push(`console: ${m.text()}`);
    });
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };

  it('trains Adam vs Padam on WebAssembly (two threads): charts update, loss falls, label, export', async () => {
    const page = await open(`${server.url}#model=mlp&backend=wasm-2t&train=1000&batch=32&steps=80&seed=3&opt=adam&opt=padam:lr=0.05`);
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    await page.click('#start');
    await page.waitForFunction(() => document.querySelectorAll('#charts canvas').length >= 4, null, { timeout: 30_000 });
    await page.waitForFunction(() => (globalThis as unknown as { gapkitPlayground: Hooks }).gapkitPlayground.losses()[0]?.length >= 10, null, { timeout: 30_000 });
    const early = await hooks(page, (h) => h.losses().map((l) => l.length));
    await page.waitForFunction(() => document.getElementById('status')?.dataset.status === 'finished', null, { timeout: 60_000 });
    const losses = await hooks(page, (h) => h.losses());
    expect(losses.map((l) => l.length)).toEqual([80, 80]);
    expect(early.every((n) => n < 80)).toBe(true); // the charts were drawn while training ran
    for (const l of losses) expect(mean(l.slice(-10))).toBeLessThan(0.6 * mean(l.slice(0, 5)));
    const acc = await hooks(page, (h) => h.accuracies());
    for (const a of acc) expect(a.at(-1)).toBeGreaterThan(0.5);
    const label = await page.textContent('#backend-label');
    expect(label).toContain('backend: wasm-2t');
    expect(label).toMatch(/threads: 2/);
    expect(label).toMatch(/kernel\.matmul: wasm-2t/);
    await page.locator('#compare').screenshot({ path: join(shots, 'comparison-wasm.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const zipPath = join(outDir, 'export.zip');
    await download.saveAs(zipPath);
    const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
    expect(Object.keys(files).sort()).toEqual(
      ['setup.json', ...['1-adam', '2-padam'].flatMap((d) => [`${d}/ckpt-00000080.json`, `${d}/ckpt-00000080.safetensors`, `${d}/config.yaml`, `${d}/metrics.jsonl`])].sort(),
    );
    const exported = join(shots, 'export');
    rmSync(exported, { recursive: true, force: true });
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(exported, name)), { recursive: true });
      writeFileSync(join(exported, name), bytes);
    }
    // The CLI reads the exported folder: `gapkit eval` restores the checkpoint and evaluates it in Node.
    const evaluated = JSON.parse(execFileSync('pnpm', ['--silent', 'gapkit', 'eval', join(exported, '2-padam'), '--json'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 }).trim().split('\n').at(-1) ?? '') as { step: number; accuracy: number };
    expect(evaluated.step).toBe(80);
    expect(evaluated.accuracy).toBeGreaterThan(0.5);
    const st = decodeFloat32Safetensors(files['2-padam/ckpt-00000080.safetensors'], 'export');
    expect(Object.keys(st.tensors).some((k) => k.startsWith('model.'))).toBe(true);
    const config = JSON.parse(new TextDecoder().decode(files['2-padam/config.yaml'])) as { optimizer: { name: string; options: { lr: number } }; dataset: { name: string } };
    expect(config.optimizer).toMatchObject({ name: 'padam', options: { lr: 0.05 } });
    expect(config.dataset.name).toBe('digits');
    await page.close();
  }, 90_000);

  it('trains on gpu.js WebGL2 and the in-page self-test matches the TypeScript kernels', async () => {
    const page = await open(`${server.url}#model=mlp&backend=gpujs-webgl2&train=200&batch=16&steps=8&seed=1&opt=adam&opt=sgd:lr=0.05,momentum=0.9`);
    await page.click('#self-test');
    await page.waitForFunction(() => document.getElementById('self-test-result')?.dataset.pass !== '', null, { timeout: 30_000 });
    const selfTest = await page.textContent('#self-test-result');
    expect(await page.getAttribute('#self-test-result', 'data-pass'), selfTest ?? '').toBe('true');
    expect(selfTest).toMatch(/gpujs-webgl2 \(WebGL2Kernel\)/);
    expect(selfTest?.match(/PASS/g)?.length).toBe(4);
    await page.click('#start');
    await page.waitForFunction(() => document.getElementById('status')?.dataset.status === 'finished', null, { timeout: 60_000 });
    const label = await page.textContent('#backend-label');
    expect(label).toContain('backend: gpujs-webgl2');
    expect(label).toMatch(/gpujs\.executors: WebGL2Kernel/);
    expect(label).toMatch(/kernel\.matmul: gpujs-webgl2/);
    const losses = await hooks(page, (h) => h.losses());
    expect(losses.map((l) => l.length)).toEqual([8, 8]);
    for (const l of losses) for (const v of l) expect(Number.isFinite(v)).toBe(true);
    await page.locator('#backends').screenshot({ path: join(shots, 'self-test.png') });
    await page.close();
  }, 90_000);

  it('renders each explorable and reacts to its slider', async () => {
    const page = await open(server.url);
    for (const id of ['padam', 'nd-adam', 'adams', 'lawn']) {
      const section = page.locator(`#explorable-${id}`);
      const readout = section.locator('output.readout');
      const before = await readout.textContent();
      expect(before).not.toMatch(/^error/);
      const inked = await section.locator('canvas').evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        let colored = 0;
        for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - d[i + 1]) > 40 || Math.abs(d[i + 1] - d[i + 2]) > 40) colored++;
        return colored;
      });
      expect(inked, `${id}: coloured pixels of its trajectories`).toBeGreaterThan(200);
      const slider = section.locator('input[type=range]').first();
      const min = Number(await slider.getAttribute('min'));
      const max = Number(await slider.getAttribute('max'));
      await slider.fill(String(min + 0.9 * (max - min)));
      const after = await readout.textContent();
      expect(after, id).not.toBe(before);
      expect(after).not.toMatch(/^error/);
      await section.screenshot({ path: join(shots, `explorable-${id}.png`) });
    }
    await page.close();
  }, 60_000);

  it('says what happens without COOP/COEP: one thread, and auto leaves wasm-2t out', async () => {
    const page = await open(`${plain.url}#backend=wasm-2t&steps=3&train=100`);
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(false);
    expect(await page.textContent('#isolation')).toMatch(/not cross-origin isolated/);
    expect(await page.textContent('#capabilities')).toMatch(/wasm-2t: one thread/);
    await page.click('#start');
    await page.waitForFunction(() => document.getElementById('status')?.dataset.status === 'finished', null, { timeout: 30_000 });
    expect(await page.textContent('#backend-label')).toMatch(/threads: 1 \(/);
    await page.close();
    const auto = await open(`${plain.url}#backend=auto&steps=3&train=100`);
    await auto.click('#start');
    await auto.waitForFunction(() => document.getElementById('status')?.dataset.status === 'finished', null, { timeout: 30_000 });
    const label = (await auto.textContent('#backend-label')) ?? '';
    expect(label).toContain('backend: auto');
    expect(label).toMatch(/kernel\.matmul: /);
    expect(label).not.toMatch(/wasm-2t/);
    await auto.close();
  }, 60_000);

  it('logged no page error', () => {
    expect(errors).toEqual([]);
  });
});
