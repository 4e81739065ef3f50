/**
 * One vitest configuration for every package: workspace packages resolve to their TypeScript sources
 * (no build needed to test), and every run also writes `.vitest-report.json` so `.ci/run` can print
 * the real pass/fail counts. `vitest.setup.ts` fixes fast-check's seed under CI.
 */
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export function gapkitVitestConfig(options: { testTimeout?: number } = {}): ViteUserConfig {
  return {
    resolve: {
      alias: [
        { find: /^@gapkit\/cli\/args$/, replacement: `${root}apps/gapkit/src/args.ts` },
        { find: /^@gapkit\/cli\/load-data$/, replacement: `${root}apps/gapkit/src/train/load-data.ts` },
        // subpath entries (`@gapkit/data/node`, `@gapkit/backend-wasm/node`, …) live at src/<entry>/index.ts
        { find: /^@gapkit\/([a-z0-9-]+)\/([a-z0-9-]+)$/, replacement: `${root}packages/$1/src/$2/index.ts` },
        { find: /^@gapkit\/([a-z0-9-]+)$/, replacement: `${root}packages/$1/src/index.ts` },
      ],
    },
    test: {
      include: ['test/**/*.test.ts'],
      setupFiles: [`${root}vitest.setup.ts`],
      testTimeout: options.testTimeout ?? 60_000,
      reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
    },
  };
}
