/**
 * The playground's build: static files in dist/ (relative base, so any folder or file server works
 * offline). The dev and preview servers send the headers that make the page cross-origin isolated
 * (SharedArrayBuffer, so gapkit's two-thread WebAssembly engine gets its Web Worker).
 */
import { defaultClientConditions, defineConfig } from 'vite';

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

export default defineConfig({
  base: './',
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  build: { outDir: 'dist', target: 'es2022', chunkSizeWarningLimit: 2000 },
});
