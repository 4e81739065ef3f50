/** The printed table (ratios against the TF.js peers), the targets check and the JSON document. */
import type { Measurement } from './runner.js';
import { median } from './stats.js';
import { flopsOf, itemsOf, parametersOf, type Workload } from './workloads.js';

/** One row of the JSON `results` array. */
export interface ResultRow {
  readonly workload: string;
  readonly engine: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly peakRssMb?: number;
  readonly reps: number;
  readonly rounds: number;
  readonly error?: string;
}

/** Summaries of the measurements (rows without timings carry only the error). */
export function summarize(ms: readonly Measurement[]): ResultRow[] {
  return ms.map((m) => ({
    workload: m.workload,
    engine: m.engine,
    medianMs: m.times.length ? median(m.times) : Number.NaN,
    minMs: m.times.length ? Math.min(...m.times) : Number.NaN,
    maxMs: m.times.length ? Math.max(...m.times) : Number.NaN,
    ...(m.peakRssMb !== undefined ? { peakRssMb: Math.round(m.peakRssMb * 10) / 10 } : {}),
    reps: m.times.length,
    rounds: m.rounds,
    ...(m.error ? { error: m.error.split('\n')[0] } : {}),
  }));
}

function ms(x: number): string {
  if (!Number.isFinite(x)) return '–';
  return x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`;
}

function ratio(peer: ResultRow | undefined, row: ResultRow): string {
  if (!peer || !Number.isFinite(peer.medianMs) || !Number.isFinite(row.medianMs)) return '–';
  const r = peer.medianMs / row.medianMs;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
}

function rate(w: Workload, row: ResultRow): string {
  if (!Number.isFinite(row.medianMs)) return '–';
  const f = flopsOf(w);
  if (f !== null) return `${(f / row.medianMs / 1e6).toFixed(2)} GFLOP/s`;
  const params = parametersOf(w);
  if (params !== null) return `${((row.medianMs * 1e6) / params).toFixed(2)} ns/param`;
  const items = itemsOf(w);
  if (items === null) return '–';
  const per = items / (row.medianMs / 1000);
  return `${per >= 1000 ? per.toFixed(0) : per.toFixed(1)} ${w.kind === 'train' && w.model === 'ncf' ? 'samples/s' : 'img/s'}`;
}

/** A markdown table: one block of rows per workload, speed-ups against tfjs-cpu and tfjs-wasm. */
export function table(workloads: readonly Workload[], rows: readonly ResultRow[]): string {
  const head = ['workload', 'engine', 'median', 'min – max', 'rate', 'vs tfjs-cpu', 'vs tfjs-wasm', 'peak RSS', 'reps×rounds'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const w of workloads) {
    const rs = rows.filter((r) => r.workload === w.name);
    const cpu = rs.find((r) => r.engine === 'tfjs-cpu');
    const wasm = rs.find((r) => r.engine === 'tfjs-wasm');
    for (const r of rs) {
      lines.push(
        `| ${w.name} | ${r.engine} | ${r.error ? `ERROR: ${r.error.slice(0, 60)}` : ms(r.medianMs)} | ${ms(r.minMs)} – ${ms(r.maxMs)} | ${rate(w, r)} | ${ratio(cpu, r)} | ${ratio(wasm, r)} | ${r.peakRssMb !== undefined ? `${r.peakRssMb.toFixed(0)} MiB` : ''} | ${r.reps}×${r.rounds} |`,
      );
    }
  }
  return lines.join('\n');
}

function find(rows: readonly ResultRow[], w: string, e: string): ResultRow | undefined {
  const r = rows.find((x) => x.workload === w && x.engine === e);
  return r && Number.isFinite(r.medianMs) ? r : undefined;
}

/**
 * The speed and memory targets (issue #12: docs/benchmarks.md lists them), each with the measured
 * value and MET / MISSED, for `engine` (default gapkit-auto). "× PyTorch" ratios need the `torch`
 * engine in the same run; without it they read "not measured".
 */
export function targets(rows: readonly ResultRow[], engine: string): string[] {
  const out: string[] = [];
  /** `peer` median / engine median must reach `need` (a speed-up; 0.4 = within 2.5× slower); null: no target, printed for the record. */
  const check = (label: string, w: string, peer: string, need: number | null) => {
    const a = find(rows, w, engine);
    const p = find(rows, w, peer);
    if (!a || !p) return out.push(`- ${label}: not measured`);
    const r = p.medianMs / a.medianMs;
    const shown = r >= 1 ? `${r.toFixed(2)}× faster` : `${(1 / r).toFixed(2)}× slower`;
    const verdict = need === null ? '' : ` → ${r >= need ? 'MET' : 'MISSED'}`;
    out.push(`- ${label}: ${shown} (${ms(a.medianMs)} vs ${ms(p.medianMs)})${verdict}`);
  };
  check('ResNet-8 step (batch 64) ≥ 13× tfjs-wasm', 'train-resnet8-b64', 'tfjs-wasm', 13);
  check('ResNet-8 step (batch 64) ≥ ½ the speed of 1-thread PyTorch', 'train-resnet8-b64', 'torch', 0.5);
  check('CIFAR recipe epoch within 2.5× of 1-thread PyTorch', 'epoch-resnet8-cifar5k-b128', 'torch', 1 / 2.5);
  check('NCF step (batch 1024) ≥ 2.5× tfjs-wasm', 'train-ncf-b1024', 'tfjs-wasm', 2.5);
  check('NCF step (batch 1024) vs 1-thread PyTorch (no target; for the record)', 'train-ncf-b1024', 'torch', null);
  const res = find(rows, 'train-resnet8-b64', engine);
  const compiled = rows.find((x) => x.workload === 'train-resnet8-b64' && x.engine === `${engine}@node-dist`);
  if (compiled?.peakRssMb === undefined) out.push('- ResNet-8 peak RSS from compiled JavaScript (node on dist/) ≤ 150 MiB: not measured');
  else {
    out.push(`- ResNet-8 peak RSS from compiled JavaScript (node on dist/) ≤ 150 MiB: ${compiled.peakRssMb.toFixed(0)} MiB (tsx: ${res?.peakRssMb?.toFixed(0) ?? '–'} MiB) → ${compiled.peakRssMb <= 150 ? 'MET' : 'MISSED'}`);
  }
  const torch = find(rows, 'train-resnet8-b64', 'torch');
  if (torch?.peakRssMb !== undefined) out.push(`- ResNet-8 peak RSS of the PyTorch peer's Python process (for the record): ${torch.peakRssMb.toFixed(0)} MiB`);
  return out;
}

/** Rows where `auto` is slower than the cpu backend beyond the two engines' own spread. */
export function autoVsCpu(rows: readonly ResultRow[]): string[] {
  const out: string[] = [];
  for (const a of rows.filter((r) => r.engine === 'gapkit-auto')) {
    const c = find(rows, a.workload, 'gapkit-cpu');
    if (!c || !Number.isFinite(a.medianMs)) continue;
    const r = c.medianMs / a.medianMs;
    const noise = a.medianMs > c.maxMs;
    out.push(`- ${a.workload}: auto ${ms(a.medianMs)} vs cpu ${ms(c.medianMs)} (${r.toFixed(2)}×)${noise ? ' ← SLOWER than cpu beyond its max' : ''}`);
  }
  return out;
}
