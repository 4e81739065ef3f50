/**
 * The browser build: Vite bundles the engine, this package's main entry, the optimizers, the model zoo
 * and the data loaders in library mode for the browser (`browser/entry.ts`), and no Node built-in may
 * be reached (Vite would stub it with a warning). @gapkit/backend-gpujs is Node-only (see its README).
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, defaultClientConditions, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe('browser bundle', () => {
  it('builds with Vite for the browser and reaches no Node built-in', async () => {
    const reached: string[] = [];
    const warnings: string[] = [];
    const out = (await build({
      configFile: false,
      logLevel: 'silent',
      root: fileURLToPath(new URL('..', import.meta.url)),
      resolve: { conditions: ['source', ...defaultClientConditions] },
      plugins: [
        {
          name: 'record-node-builtins',
          enforce: 'pre',
          resolveId(id) {
            if (builtins.has(id)) reached.push(id);
            return null;
          },
        },
      ],
      build: {
        write: false,
        minify: false,
        lib: { entry: fileURLToPath(new URL('./browser/entry.ts', import.meta.url)), formats: ['es'], fileName: 'gapkit-browser' },
        rollupOptions: { onwarn: (w) => void warnings.push(w.message) },
      },
    })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output);
    const code = outputs.flatMap((o) => (o.type === 'chunk' ? [o.code] : [])).join('\n');
    expect(reached).toEqual([]);
    expect(warnings.filter((w) => /externalized for browser|node:|worker_threads/.test(w))).toEqual([]);
    expect(code).not.toMatch(/__vite-browser-external|from ["']node:|require\(["'](node:)?(fs|path|worker_threads|module|url)["']\)/);
    expect(code).not.toContain('worker_threads');
    // The bundle really holds what a page needs: the engine, the optimizers, the wasm backend and its worker program.
    expect(code).toContain('gapkitWorker');
    expect(code).toMatch(/function createWasmBackend\(/);
    expect(code).toMatch(/var Adam = class extends \w*Optimizer|class Adam extends \w*Optimizer/);
    expect(code.length).toBeGreaterThan(50_000);
  }, 120_000);
});
