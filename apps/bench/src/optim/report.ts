/**
 * The optimizer section of the report: per registry entry, ms/step, ns/parameter, the bandwidth probe
 * and their ratio, against the issue's targets (every update within 3× of its probe; Padam within
 * 1.5× of Adam). Rows are gapkit-cpu's; torch rows, when measured, are printed beside them. The
 * targets are checked on medians, like every other target; the ratio of the minima is printed beside
 * them because on a loaded machine the fastest repetition is the one least disturbed.
 */
import type { ResultRow } from '../report.js';
import { OPTIMIZER_WORKLOADS, RESNET18_PARAMETERS } from './workloads.js';

const PROBE_TARGET = 3;
const PADAM_VS_ADAM_TARGET = 1.5;

function med(rows: readonly ResultRow[], workload: string, engine: string): number | undefined {
  const r = rows.find((x) => x.workload === workload && x.engine === engine);
  return r && Number.isFinite(r.medianMs) ? r.medianMs : undefined;
}

function least(rows: readonly ResultRow[], workload: string, engine: string): number | undefined {
  const r = rows.find((x) => x.workload === workload && x.engine === engine);
  return r && Number.isFinite(r.minMs) ? r.minMs : undefined;
}

const f = (x: number | undefined, digits = 1) => (x === undefined ? '–' : x.toFixed(digits));
const ns = (ms: number | undefined) => (ms === undefined ? undefined : (ms * 1e6) / RESNET18_PARAMETERS);

/** Markdown lines: the table, then the target checks. Empty when no optimizer workload ran. */
export function optimizerSection(rows: readonly ResultRow[]): string[] {
  const names = [...new Set(OPTIMIZER_WORKLOADS.map((w) => w.optimizer))].filter((n) => rows.some((r) => r.workload === `optimizer-step-${n}`));
  if (names.length === 0) return [];
  const out = [
    `ResNet-18 parameter shapes (${RESNET18_PARAMETERS.toLocaleString('en-US')} parameters), one step() after warm-up, registry defaults, fixed random gradients.`,
    '',
    '| optimizer | ms / step | ns / param | probe ms | step / probe | min step / min probe | torch ms (foreach off / on) |',
    '|---|---|---|---|---|---|---|',
  ];
  const misses: string[] = [];
  for (const n of names) {
    const step = med(rows, `optimizer-step-${n}`, 'gapkit-cpu');
    const probe = med(rows, `bandwidth-${n}`, 'gapkit-cpu');
    const ratio = step !== undefined && probe !== undefined ? step / probe : undefined;
    if (ratio !== undefined && ratio > PROBE_TARGET) misses.push(`${n} ${ratio.toFixed(2)}×`);
    const torch = `${f(med(rows, `optimizer-step-${n}`, 'torch'))} / ${f(med(rows, `optimizer-step-${n}`, 'torch-foreach'))}`;
    const lo = least(rows, `optimizer-step-${n}`, 'gapkit-cpu');
    const loProbe = least(rows, `bandwidth-${n}`, 'gapkit-cpu');
    const loRatio = lo !== undefined && loProbe !== undefined ? `${(lo / loProbe).toFixed(2)}×` : '–';
    out.push(`| ${n} | ${f(step)} | ${f(ns(step), 2)} | ${f(probe)} | ${ratio === undefined ? '–' : `${ratio.toFixed(2)}×`} | ${loRatio} | ${torch} |`);
  }
  out.push('');
  const measured = names.filter((n) => med(rows, `optimizer-step-${n}`, 'gapkit-cpu') !== undefined && med(rows, `bandwidth-${n}`, 'gapkit-cpu') !== undefined);
  out.push(`- every update within ${PROBE_TARGET}× of its probe: ${measured.length === 0 ? 'not measured' : misses.length === 0 ? `MET (${measured.length} optimizers)` : `MISSED (${misses.join(', ')})`}`);
  const padam = med(rows, 'optimizer-step-padam', 'gapkit-cpu');
  const adam = med(rows, 'optimizer-step-adam', 'gapkit-cpu');
  if (padam === undefined || adam === undefined) out.push(`- Padam within ${PADAM_VS_ADAM_TARGET}× of Adam: not measured`);
  else {
    const r = padam / adam;
    out.push(`- Padam within ${PADAM_VS_ADAM_TARGET}× of Adam: ${r.toFixed(2)}× (${f(padam)} ms vs ${f(adam)} ms) → ${r <= PADAM_VS_ADAM_TARGET ? 'MET' : 'MISSED'}`);
  }
  return out;
}
