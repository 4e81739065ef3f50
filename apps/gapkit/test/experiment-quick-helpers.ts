/**
 * Running an experiment's `--quick` form end to end through the CLI (a child process, as CI runs it),
 * on the repository's sibling `../shared/data` when it exists; tests skip with a printed reason when it
 * does not.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gapkit } from './sweep-helpers.js';

/** `<repo>/../shared/data`. */
export const SHARED_DATA = fileURLToPath(new URL('../../../../shared/data', import.meta.url));

/** Why a quick experiment test cannot run here (a missing data folder), or null. */
export function missingData(folders: readonly string[]): string | null {
  for (const f of folders) {
    const p = join(SHARED_DATA, f);
    if (!existsSync(p)) return `skipped: the data folder ${p} is missing (the quick experiment reads ${folders.join(', ')}/ under ../shared/data)`;
  }
  return null;
}

export interface QuickRun {
  readonly code: number | null;
  readonly output: string;
  readonly report: string;
  /** The report folder (report.md, figures/, config/). */
  readonly dir: string;
}

/** `gapkit experiment NAME --quick --data-dir ../shared/data --out TMP`; reads back report.md. */
export async function runQuick(name: string): Promise<QuickRun> {
  const dir = mkdtempSync(join(tmpdir(), `gapkit-${name}-`));
  const cli = gapkit(['experiment', name, '--quick', '--data-dir', SHARED_DATA, '--out', dir, '--quiet']);
  const { code } = await cli.exited;
  const reportPath = join(dir, 'report.md');
  return { code, output: cli.output(), report: existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : '', dir };
}

/** The rows of the Markdown table under `heading` (cells, header and rule excluded). */
export function tableRows(report: string, heading: string): string[][] {
  const at = report.indexOf(heading);
  if (at < 0) return [];
  const lines = report.slice(at).split('\n').slice(1);
  const start = lines.findIndex((l) => l.startsWith('|'));
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const l of lines.slice(start + 2)) {
    if (!l.startsWith('|')) break;
    rows.push(l.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()));
  }
  return rows;
}
