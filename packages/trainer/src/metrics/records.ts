/**
 * The lines of `metrics.jsonl`: one per logged step and one per evaluation. Step lines carry the
 * optimizer's own diagnostics (`@gapkit/optimizers` diagnostics.ts): effective step ‖Δw‖/‖w‖ and
 * weight norm per group, the global gradient norm, and the paper quantities — AdamS's √v̄, LAWN's
 * phase and c_ℓ drift, ND-Adam's worst |‖w_i‖−1|.
 */
import type { StepDiagnostics } from '@gapkit/optimizers';
import type { LayerStep } from './layer-steps.js';

export interface StepRecord {
  readonly type: 'step';
  readonly step: number;
  readonly epoch: number;
  readonly loss: number;
  readonly lr: number;
  /** Training examples per second over the steps since the previous step line (wall clock of the steps alone: evaluation and checkpoints excluded). */
  readonly examplesPerSecond: number;
  readonly gradNorm: number;
  /** ‖Δw‖/‖w‖ per parameter group. */
  readonly effectiveStep: readonly number[];
  /** ‖w‖ per parameter group. */
  readonly weightNorm: readonly number[];
  /** Steps skipped so far for a non-finite loss or gradient (`nonFinite: 'skip'`), across resumes. */
  readonly skippedSteps: number;
  /** This step was skipped (non-finite loss or gradient under `nonFinite: 'skip'`): nothing moved. */
  readonly skipped?: true;
  /** `logLayers`: ‖Δw‖/‖w‖ and ‖w‖ per chosen parameter or layer. */
  readonly layers?: Readonly<Record<string, LayerStep>>;
  /** Classifiers: mean ‖z‖ of the batch's logits; NCF: mean |logit|. */
  readonly logitNorm: number;
  /** AdamS / SGDS: √v̄. */
  readonly sqrtVBar?: number;
  /** LAWN: 'free' or 'constrained', and the worst relative drift of ‖w_ℓ‖ from c_ℓ. */
  readonly lawnPhase?: string;
  readonly lawnWorstNormDrift?: number;
  readonly lawnC?: Readonly<Record<string, number>>;
  /** ND-Adam: worst |‖w_i‖ − 1| over the unit vectors. */
  readonly worstUnitNormError?: number;
}

export interface EvalRecord {
  readonly type: 'eval';
  readonly step: number;
  readonly epoch: number;
  readonly split: string;
  readonly loss?: number;
  readonly accuracy?: number;
  readonly ece?: number;
  readonly logitNorm?: number;
  /** Classifiers: how many test images this evaluation used (`evalTestSize`, `finalTestSize`). */
  readonly n?: number;
  /** Classifiers with `trainGradNormPerClass`: full-batch ‖∇ mean CE‖ over the training subset (metrics/train-gradient-norm.ts). */
  readonly trainGradNorm?: number;
  readonly hitRate?: number;
  readonly ndcg?: number;
  readonly k?: number;
}

export type MetricsRecord = StepRecord | EvalRecord;

export function stepRecord(
  d: StepDiagnostics,
  at: { step: number; epoch: number; loss: number; logitNorm: number; examplesPerSecond: number; skippedSteps: number },
  layers?: Readonly<Record<string, LayerStep>>,
): StepRecord {
  const x = d.extra;
  const r: StepRecord = {
    type: 'step',
    ...at,
    lr: d.groups[0]?.lr ?? Number.NaN,
    gradNorm: d.gradNorm,
    effectiveStep: d.groups.map((g) => g.effectiveStep),
    weightNorm: d.groups.map((g) => g.weightNorm),
    ...(layers && Object.keys(layers).length > 0 ? { layers } : {}),
    ...(typeof x.sqrtVBar === 'number' ? { sqrtVBar: x.sqrtVBar } : {}),
    ...(typeof x.phase === 'string' ? { lawnPhase: x.phase } : {}),
    ...(typeof x.worstNormDrift === 'number' ? { lawnWorstNormDrift: x.worstNormDrift } : {}),
    ...(typeof x.c === 'object' && x.c !== null && Object.keys(x.c).length > 0 ? { lawnC: x.c as Record<string, number> } : {}),
    ...(typeof x.worstUnitNormError === 'number' ? { worstUnitNormError: x.worstUnitNormError } : {}),
  };
  return r;
}

/** The columns of `metrics.csv` (nested values flattened: effectiveStep.0, …). */
export function flattenRecord(r: MetricsRecord): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(r)) {
    if (k === 'lawnC') continue;
    if (k === 'layers' && typeof v === 'object' && v !== null) {
      for (const [name, l] of Object.entries(v as Record<string, LayerStep>)) {
        out[`layers.${name}.effectiveStep`] = l.effectiveStep;
        out[`layers.${name}.weightNorm`] = l.weightNorm;
      }
      continue;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        out[`${k}.${i}`] = x as number;
      });
    }
    else if (typeof v === 'number' || typeof v === 'string') out[k] = v;
    else if (typeof v === 'boolean') out[k] = v ? 1 : 0;
  }
  return out;
}

/** CSV of records: the union of columns in first-seen order, empty cells where absent. */
export function recordsToCsv(records: readonly MetricsRecord[]): string {
  const rows = records.map(flattenRecord);
  const cols: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  const cell = (v: string | number | undefined) => (v === undefined ? '' : typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${[cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n')}\n`;
}
