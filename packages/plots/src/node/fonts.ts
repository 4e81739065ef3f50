/**
 * The font files the PNG renderer uses: DejaVu Sans (regular and bold) from the npm package
 * `dejavu-fonts-ttf`, so text renders the same on a fresh machine with no system fonts. DejaVu covers
 * the symbols the figures use (‖ Δ √ ℓ ±).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

/** Absolute paths of the bundled font files. @throws Error when the package is missing its files. */
export function fontFiles(): string[] {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const paths = FILES.map((f) => join(dir, f));
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) throw new Error(`@gapkit/plots: font files missing from dejavu-fonts-ttf: ${missing.join(', ')} (reinstall with pnpm install)`);
  return paths;
}
