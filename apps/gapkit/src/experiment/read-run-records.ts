/** A local run's `metrics.jsonl`, parsed line by line; a missing or broken file is an error naming it. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MetricsRecord } from '@gapkit/trainer';

export function readRunRecords(runDir: string): MetricsRecord[] {
  const file = join(runDir, 'metrics.jsonl');
  if (!existsSync(file)) throw new Error(`experiment report: no ${file} (was the run trained on this machine? experiments read their local run folders)`);
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.map((l, i) => {
    try {
      return JSON.parse(l) as MetricsRecord;
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not a JSON line (${(e as Error).message})`);
    }
  });
}
