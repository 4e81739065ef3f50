/**
 * What the lawn-ml100k report reads from one run's metrics.jsonl: HR@10 and NDCG@10 per epoch, the
 * training loss and mean |logit| per epoch (means of the step lines inside the epoch), the embedding
 * tables' Frobenius norms at each epoch's end (`logLayers`), LAWN's worst relative drift of ‖w_ℓ‖
 * from c_ℓ over the constrained phase, and the seconds spent in training steps.
 */
import type { EvalRecord, MetricsRecord, StepRecord } from '@gapkit/trainer';

export interface EpochPoint {
  readonly epoch: number;
  readonly value: number;
}

export interface LawnRunStats {
  readonly epochs: number;
  /** HR@10 and NDCG@10 in %, one per evaluated epoch. */
  readonly hr: readonly EpochPoint[];
  readonly ndcg: readonly EpochPoint[];
  readonly loss: readonly EpochPoint[];
  readonly logitAbs: readonly EpochPoint[];
  /** ‖·‖_F at each epoch's last step line, per logged parameter name. */
  readonly norms: Readonly<Record<string, readonly EpochPoint[]>>;
  readonly best: { readonly hr: number; readonly epoch: number; readonly ndcg: number };
  readonly final: { readonly hr: number; readonly ndcg: number; readonly loss: number };
  /** Mean HR@10 of the last 5 evaluations. */
  readonly last5Hr: number;
  /** LAWN runs: max over constrained-phase step lines of the worst |‖w_ℓ‖ − c_ℓ| / c_ℓ; null otherwise. */
  readonly worstDrift: number | null;
  /** LAWN runs: the constrained tensors and their c_ℓ (last step line). */
  readonly c: Readonly<Record<string, number>> | null;
  /** Seconds in training steps (data, forward, backward, update), from the step lines' throughput. */
  readonly trainSeconds: number;
}

/** Groups step-line values by the epoch they fell in (a line at step s is in epoch ⌈s / stepsPerEpoch⌉). */
function perEpoch(lines: readonly { epoch: number; value: number }[], reduce: 'mean' | 'last'): EpochPoint[] {
  const groups = new Map<number, number[]>();
  for (const l of lines) {
    if (!Number.isFinite(l.value)) continue;
    const e = Math.ceil(l.epoch - 1e-9);
    const g = groups.get(e) ?? [];
    g.push(l.value);
    groups.set(e, g);
  }
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([epoch, vs]) => ({ epoch, value: reduce === 'last' ? vs[vs.length - 1] : vs.reduce((s, v) => s + v, 0) / vs.length }));
}

/** @throws Error naming the run when it has no evaluation or no step line. */
export function lawnRunStats(records: readonly MetricsRecord[], batchSize: number, what: string): LawnRunStats {
  const steps = records.filter((r): r is StepRecord => r.type === 'step');
  const evals = records.filter((r): r is EvalRecord & { hitRate: number; ndcg: number } => r.type === 'eval' && typeof r.hitRate === 'number' && typeof r.ndcg === 'number');
  if (evals.length === 0 || steps.length === 0) throw new Error(`lawn-ml100k: run ${what} has ${evals.length} evaluations and ${steps.length} step lines in metrics.jsonl; expected both`);
  const hr = evals.map((r) => ({ epoch: Math.round(r.epoch), value: 100 * r.hitRate }));
  const ndcg = evals.map((r) => ({ epoch: Math.round(r.epoch), value: 100 * r.ndcg }));
  let best = { hr: -1, epoch: 0, ndcg: 0 };
  hr.forEach((p, i) => {
    if (p.value > best.hr) best = { hr: p.value, epoch: p.epoch, ndcg: ndcg[i].value };
  });
  const last5 = hr.slice(-5);
  const loss = perEpoch(steps.map((r) => ({ epoch: r.epoch, value: r.loss })), 'mean');
  const logitAbs = perEpoch(steps.map((r) => ({ epoch: r.epoch, value: r.logitNorm })), 'mean');
  const names = new Set<string>();
  for (const r of steps) for (const n of Object.keys(r.layers ?? {})) names.add(n);
  const norms: Record<string, EpochPoint[]> = {};
  for (const n of names) norms[n] = perEpoch(steps.map((r) => ({ epoch: r.epoch, value: r.layers?.[n]?.weightNorm ?? Number.NaN })), 'last');
  let worstDrift: number | null = null;
  let c: Readonly<Record<string, number>> | null = null;
  let trainSeconds = 0;
  let prevStep = 0;
  for (const r of steps) {
    if (r.lawnPhase === 'constrained' && typeof r.lawnWorstNormDrift === 'number') worstDrift = Math.max(worstDrift ?? 0, r.lawnWorstNormDrift);
    if (r.lawnC) c = r.lawnC;
    if (r.examplesPerSecond > 0) trainSeconds += ((r.step - prevStep) * batchSize) / r.examplesPerSecond;
    prevStep = r.step;
  }
  return {
    epochs: hr.length,
    hr,
    ndcg,
    loss,
    logitAbs,
    norms,
    best,
    final: { hr: hr[hr.length - 1].value, ndcg: ndcg[ndcg.length - 1].value, loss: loss.length > 0 ? loss[loss.length - 1].value : Number.NaN },
    last5Hr: last5.reduce((s, p) => s + p.value, 0) / last5.length,
    worstDrift,
    c,
    trainSeconds,
  };
}
