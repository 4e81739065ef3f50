/**
 * A run folder: `config.yaml`, `metrics.jsonl` (appended line by line), step checkpoints
 * `ckpt-<step>.{safetensors,json}` (the last K) and `best.*`, then `metrics.csv`, `summary.md` and the
 * figures. An existing folder is refused unless the run resumes it or `--force` starts it over (which
 * removes only the files a run writes).
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MetricsRecord } from '@gapkit/trainer';
import { UsageError } from '../command.js';
import { writeFileAtomic } from '../io/atomic-write.js';

const RUN_FILE = /^(config\.yaml|backend-plan\.json|metrics\.(jsonl|csv)|summary\.md|(ckpt-\d+|best)\.(json|safetensors)|.+\.vl\.json|.+\.png|.+\.svg)$/;

export function prepareNewRunFolder(dir: string, force: boolean): void {
  if (existsSync(dir)) {
    const files = readdirSync(dir);
    if (files.length > 0) {
      if (!force) throw new UsageError(`--out ${dir} already exists and is not empty; pass --resume ${dir} to continue that run, or --force to start it over`);
      const foreign = files.filter((f) => !RUN_FILE.test(f) && !f.endsWith('.tmp') && !f.startsWith('.'));
      if (foreign.length > 0 && !files.includes('config.yaml')) {
        throw new UsageError(`--force: ${dir} does not look like a run folder (no config.yaml; holds ${foreign.slice(0, 3).join(', ')}); refusing to clear it`);
      }
      for (const f of files) if (RUN_FILE.test(f)) rmSync(join(dir, f), { force: true });
    }
  }
  mkdirSync(dir, { recursive: true });
}

/**
 * A comparison folder: its own summary and figures plus one run folder per preset. `--force` removes
 * those files and the sub-folders that are run folders (they hold a config.yaml), nothing else.
 */
export function prepareCompareFolder(dir: string, force: boolean): void {
  if (existsSync(dir)) {
    const entries = readdirSync(dir);
    if (entries.length > 0) {
      if (!force) throw new UsageError(`--out ${dir} already exists and is not empty; pass --force to start the comparison over`);
      const isRunDir = (e: string) => statSync(join(dir, e)).isDirectory() && existsSync(join(dir, e, 'config.yaml'));
      const foreign = entries.filter((e) => !RUN_FILE.test(e) && !e.startsWith('.') && !isRunDir(e));
      if (foreign.length > 0) throw new UsageError(`--force: ${dir} holds ${foreign.slice(0, 3).join(', ')}, which no comparison wrote; refusing to clear it`);
      for (const e of entries) {
        if (RUN_FILE.test(e)) rmSync(join(dir, e), { force: true });
        else if (isRunDir(e)) rmSync(join(dir, e), { recursive: true, force: true });
      }
    }
  }
  mkdirSync(dir, { recursive: true });
}

export function readMetrics(dir: string): MetricsRecord[] {
  const p = join(dir, 'metrics.jsonl');
  if (!existsSync(p)) return [];
  return readFileSync(p, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as MetricsRecord);
}

/** Drops metrics lines after `step` (written by a run that died after its last checkpoint). */
export function truncateMetrics(dir: string, step: number): void {
  const kept = readMetrics(dir).filter((r) => r.step <= step);
  writeFileAtomic(join(dir, 'metrics.jsonl'), kept.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

export function appendMetric(dir: string, r: MetricsRecord): void {
  appendFileSync(join(dir, 'metrics.jsonl'), `${JSON.stringify(r)}\n`);
}
