/**
 * Running an experiment: check its data, run each sweep on the local pool (finished runs skipped,
 * interrupted ones resumed), then write `report.md` — a common header (command, mode, wall time, the
 * runs' summed time, machine, commit) above the experiment's own body — with `figures/` and a copy
 * of every sweep file in `config/`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { writeFigure } from '@gapkit/plots/node';
import { UsageError } from '../command.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { readSweepResults, type SweepResults, runSweepLocally } from '../sweep/run-sweep-locally.js';
import { readSweepFile } from '../sweep/sweep-file.js';
import type { Experiment, ExperimentMode, ReportContext } from './experiment.js';
import { EXPERIMENTS_DIR } from './experiments-dir.js';
import { type Override, overrideSweep } from './override-sweep.js';
import { readRunRecords } from './read-run-records.js';
import { formatRevisions, runRevisions } from './run-revisions.js';

export interface ExperimentRunOptions {
  readonly mode: ExperimentMode;
  readonly dataDir: string;
  /** Holds `sweeps/<sweep>/` (the runs); default `runs/experiments/<name>[-quick]`. */
  readonly out: string;
  /** Where `report.md`, `figures/` and `config/` go; default `out`. */
  readonly reportDir: string;
  readonly workers?: number;
  readonly overrides: readonly Override[];
  /** The command line, for the report. */
  readonly command: string;
  readonly say: (line: string) => void;
  /** Folder of the sweep files (default `apps/gapkit/experiments/<name>/`). */
  readonly sweepDir?: string;
  /** Build the report from the runs finished so far; run nothing (`--report-only`). */
  readonly reportOnly?: boolean;
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function formatSeconds(s: number): string {
  if (s < 120) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return m < 120 ? `${m} min ${Math.round(s - 60 * m)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function checkData(e: Experiment, dataDir: string): void {
  for (const d of e.data) {
    const p = join(dataDir, d);
    if (!existsSync(p)) {
      throw new UsageError(`experiment ${e.name} reads ${d}/ under --data-dir, but ${resolve(p)} does not exist; give --data-dir DIR (a folder holding ${e.data.join(', ')}/; \`gapkit data download\` fetches CIFAR and MNIST)`);
    }
  }
}

export async function runExperiment(e: Experiment, o: ExperimentRunOptions): Promise<{ report: string; failed: number; unfinished: number }> {
  checkData(e, o.dataDir);
  const started = performance.now();
  const files = e.sweeps[o.mode].map((f) => join(o.sweepDir ?? join(EXPERIMENTS_DIR, e.name), f));
  const sweeps = files.map((f) => overrideSweep(readSweepFile(f), o.overrides));
  const results: SweepResults[] = [];
  for (const [i, sweep] of sweeps.entries()) {
    if (o.reportOnly) {
      results.push(readSweepResults(sweep, join(o.out, 'sweeps', sweep.name)));
      continue;
    }
    o.say(`experiment ${e.name} (${o.mode}): sweep ${i + 1} of ${sweeps.length}, ${sweep.name}`);
    results.push(await runSweepLocally(sweep, { out: join(o.out, 'sweeps', sweep.name), workers: o.workers, dataDir: o.dataDir, say: o.say }));
  }
  const wall = (performance.now() - started) / 1000;
  const figuresDir = join(o.reportDir, 'figures');
  const configDir = join(o.reportDir, 'config');
  mkdirSync(figuresDir, { recursive: true });
  mkdirSync(configDir, { recursive: true });
  for (const f of files) copyFileSync(f, join(configDir, basename(f)));
  const ctx: ReportContext = {
    mode: o.mode,
    sweeps: results,
    sweep(name) {
      const s = results.find((r) => r.sweep.name === name);
      if (!s) throw new Error(`experiment ${e.name}: no sweep '${name}' (sweeps: ${results.map((r) => r.sweep.name).join(', ')})`);
      return s;
    },
    records: (s, run) => readRunRecords(join(s.folder.runsDir, run.key)),
    async figure(name, spec, caption) {
      await writeFigure(spec, figuresDir, name);
      return `![${caption}](figures/${name}.png)\n\n*${caption}* ([SVG](figures/${name}.svg), [Vega-Lite](figures/${name}.vl.json))`;
    },
  };
  const body = await e.report(ctx);
  const outcomes = results.flatMap((r) => [...r.results.values()]);
  const runSeconds = outcomes.reduce((s, x) => s + x.seconds, 0);
  const total = results.reduce((s, r) => s + r.runs.length, 0);
  const finished = results.reduce((s, r) => s + r.runs.filter((x) => r.results.has(x.key)).length, 0);
  // after a full invocation every run has either finished or failed; with --report-only the rest has not run yet
  const failed = o.reportOnly ? results.reduce((s, r) => s + r.runs.filter((x) => !r.results.has(x.key) && r.failures.has(x.key)).length, 0) : total - finished;
  const unfinished = total - finished - failed;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const header = [
    `# ${e.title}`,
    '',
    `\`${o.command}\` — ${o.mode === 'quick' ? '**quick form** (CI-sized: too small to show the effect; the numbers only prove the pipeline)' : 'full form'}.`,
    '',
    `- Runs: ${total} in ${results.length} sweep${results.length === 1 ? '' : 's'} (${results.map((r) => `\`${r.sweep.name}\` ${r.runs.length}`).join(', ')}); ${failed} failed${unfinished > 0 ? `; ${unfinished} not finished when this report was made (\`--report-only\`): the tables hold the ${finished} finished runs` : ''}.`,
    `- Wall time of this invocation: ${formatSeconds(wall)} (runs already finished by an earlier invocation are not re-run); the runs' own times sum to ${formatSeconds(runSeconds)}${outcomes.some((x) => x.resumedFrom > 0) ? ' (a run resumed after an interruption counts its last session only)' : ''}.`,
    `- Machine: ${availableParallelism()} cores (${cpu}), Node ${process.versions.node}; report built at gapkit commit ${gitCommit()}${finished > 0 ? `, runs trained at ${formatRevisions(runRevisions(results))}` : ''}; ${new Date().toISOString().slice(0, 10)}.`,
    ...(o.overrides.length > 0 ? [`- Overrides of every sweep's base config: ${o.overrides.map((x) => `\`${x.path}=${JSON.stringify(x.value)}\``).join(', ')}.`] : []),
    `- Sweep files (what ran, readable and editable): ${files.map((f) => `[\`config/${basename(f)}\`](config/${basename(f)})`).join(', ')}; each run's folder (config.yaml, metrics.jsonl, checkpoints) is under \`${join(o.out, 'sweeps')}/<sweep>/runs/<key>/\`.`,
    '',
  ];
  const report = `${header.join('\n')}${body.trimEnd()}\n`;
  writeFileAtomic(join(o.reportDir, 'report.md'), report);
  return { report, failed, unfinished };
}
