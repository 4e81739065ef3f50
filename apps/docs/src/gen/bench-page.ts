/**
 * The benchmark page's generated part, from the `pnpm bench` records committed in docs/bench/
 * (`*.json`): a chart of matmul time against size per engine from the newest record that has matmul
 * workloads (a Vega-Lite spec from @gapkit/plots, rendered to SVG), and for every record, per workload,
 * a table of every engine's median, min and max time (and peak memory for training steps).
 * `docs/benchmarks.md` includes it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineChart } from '@gapkit/plots';
import { renderSvg } from '@gapkit/plots/node';
import { DOCS_ROOT } from '../repo-links.js';
import { cell, code, table } from './markdown-text.js';
import { writeDocsFile } from './pages.js';

/** One measured (workload, engine) pair of a bench record. */
export interface BenchResult {
  readonly workload: string;
  readonly engine: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly reps: number;
  readonly peakRssMb?: number;
}

export interface BenchRecord {
  readonly file: string;
  readonly started: string;
  readonly elapsedSeconds: number;
  readonly cores: number;
  readonly node: string;
  readonly results: readonly BenchResult[];
  readonly skipped: Readonly<Record<string, string>>;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function finite(o: Record<string, unknown>, key: string, where: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${where}: '${key}' must be a finite number, got ${JSON.stringify(v)}`);
  return v;
}

/** Parses a bench record, failing with the file and field on anything unexpected. */
export function parseBenchRecord(file: string, text: string): BenchRecord {
  const json: unknown = JSON.parse(text);
  if (!isRecord(json) || !Array.isArray(json.results) || !isRecord(json.meta)) throw new Error(`${file}: expected { results: [...], meta: {...} }`);
  const meta = json.meta;
  const results = json.results.map((r: unknown, i: number): BenchResult => {
    const where = `${file}: results[${i}]`;
    if (!isRecord(r) || typeof r.workload !== 'string' || typeof r.engine !== 'string') throw new Error(`${where}: expected workload and engine strings`);
    const peak = r.peakRssMb === undefined ? undefined : finite(r, 'peakRssMb', where);
    return {
      workload: r.workload,
      engine: r.engine,
      medianMs: finite(r, 'medianMs', where),
      minMs: finite(r, 'minMs', where),
      maxMs: finite(r, 'maxMs', where),
      reps: finite(r, 'reps', where),
      ...(peak === undefined ? {} : { peakRssMb: peak }),
    };
  });
  const skipped: Record<string, string> = {};
  if (isRecord(meta.skipped)) for (const [k, v] of Object.entries(meta.skipped)) skipped[k] = String(v);
  return {
    file,
    started: String(meta.started),
    elapsedSeconds: finite(meta, 'elapsedSeconds', `${file}: meta`),
    cores: finite(meta, 'cores', `${file}: meta`),
    node: String(meta.node),
    results,
    skipped,
  };
}

function ms(x: number): string {
  return x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(3)} ms`;
}

/** One table per workload, engines fastest first. */
export function workloadTables(record: BenchRecord): string {
  const workloads = [...new Set(record.results.map((r) => r.workload))].sort();
  return workloads
    .map((w) => {
      const rows = record.results.filter((r) => r.workload === w).sort((a, b) => a.medianMs - b.medianMs);
      const memory = rows.some((r) => r.peakRssMb !== undefined);
      const header = ['engine', 'median', 'min', 'max', 'reps', ...(memory ? ['peak RSS'] : [])];
      const body = rows.map((r) => [code(r.engine), ms(r.medianMs), ms(r.minMs), ms(r.maxMs), String(r.reps), ...(memory ? [r.peakRssMb === undefined ? '—' : `${r.peakRssMb} MiB`] : [])]);
      return `### ${cell(w)}\n\n${table(header, body)}`;
    })
    .join('\n');
}

/** The matmul chart's Vega-Lite spec: median ms against n (log-log), one line per engine. */
export function matmulChart(record: BenchRecord) {
  const data = record.results.flatMap((r) => {
    const m = /^matmul-(\d+)$/.exec(r.workload);
    return m?.[1] === undefined ? [] : [{ engine: r.engine, n: Number(m[1]), ms: r.medianMs }];
  });
  if (data.length === 0) throw new Error(`${record.file}: no matmul-<n> workload to chart`);
  return lineChart({
    title: 'Matmul n×n × n×n, median time per call',
    subtitle: `${record.file}, ${record.cores} cores, Node ${record.node}`,
    x: { field: 'n', title: 'n', scale: 'log', integer: true },
    y: { field: 'ms', title: 'median ms (log)', scale: 'log' },
    series: 'engine',
    data,
    points: true,
  });
}

/** Every bench record committed in docs/bench/, oldest first (file names start with the date). */
export function benchRecords(): BenchRecord[] {
  const dir = join(DOCS_ROOT, 'bench');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`no bench record (*.json) in ${dir}`);
  return files.map((f) => parseBenchRecord(`docs/bench/${f}`, readFileSync(join(dir, f), 'utf8')));
}

function hasMatmul(r: BenchRecord): boolean {
  return r.results.some((x) => /^matmul-\d+$/.test(x.workload));
}

/** The markdown of one record: its header line, the engines it could not measure, its tables. */
function recordSection(record: BenchRecord): string {
  const skipped = Object.entries(record.skipped).map(([e, why]) => `- ${code(e)}: ${cell(why)}`);
  return [
    `### Record \`${record.file}\`\n`,
    `Started ${record.started}, ${Math.round(record.elapsedSeconds)} s, ${record.cores} cores, Node ${record.node}.\n`,
    ...(skipped.length > 0 ? ['Engines not measured in this run:\n', `${skipped.join('\n')}\n`] : []),
    workloadTables(record).replace(/^### /gm, '#### '),
  ].join('\n');
}

/** Writes docs/.generated/bench/{record.md,matmul.svg,matmul.vl.json}: the chart from the newest record with matmul workloads, then every record, newest first. */
export async function writeBenchPage(): Promise<string> {
  const records = benchRecords();
  const withMatmul = records.filter(hasMatmul).at(-1);
  if (withMatmul === undefined) throw new Error('no committed bench record in docs/bench/ has a matmul-<n> workload to chart');
  const spec = matmulChart(withMatmul);
  writeDocsFile('.generated/bench/matmul.vl.json', `${JSON.stringify(spec, null, 2)}\n`);
  writeDocsFile('.generated/bench/matmul.svg', await renderSvg(spec));
  const md = [
    `Chart from \`${withMatmul.file}\`:\n`,
    '<img src="./.generated/bench/matmul.svg" alt="Matmul median time per call against n, one line per engine (log-log)" width="720">\n',
    ...[...records].reverse().map(recordSection),
  ];
  writeDocsFile('.generated/bench/record.md', md.join('\n'));
  return records.map((r) => r.file).join(', ');
}
