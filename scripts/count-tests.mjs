// Sums the vitest JSON reports that `pnpm test` wrote and prints CI's closing line: `N passed, N failed`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
let reports = 0;
for (const area of ['packages', 'apps']) {
  if (!existsSync(area)) continue;
  for (const dir of readdirSync(area)) {
    const file = join(area, dir, '.vitest-report.json');
    if (!existsSync(file)) continue;
    const r = JSON.parse(readFileSync(file, 'utf8'));
    reports++;
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    // A suite that failed to load has no tests in it but is still a failure.
    for (const suite of r.testResults ?? []) {
      if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) failed++;
    }
  }
}
if (reports === 0) {
  console.log('0 passed, 1 failed (no vitest report was written)');
  process.exit(1);
}
// the skipped count goes on the line before: the closing line is exactly `N passed, N failed`
if (skipped) console.log(`${skipped} skipped (each prints its reason in the test output)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
