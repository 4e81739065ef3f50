/**
 * Run before the e2e test (`pnpm --filter @gapkit/docs test`): when no built site exists — a fresh
 * clone running `pnpm test` without `pnpm docs:build` — builds it once. CI builds it in its own step
 * first, so there this does nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-links.js';
import { SITE_DIST } from './site.js';

if (!existsSync(join(SITE_DIST, 'index.html'))) {
  console.log(`no built site at ${SITE_DIST}: running \`pnpm docs:build\` once for the e2e test`);
  execFileSync('pnpm', ['run', 'docs:build'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
