/** `summary.md`: the run's settings and final table, from its config and metrics. */
import type { EvalRecord, MetricsRecord, StepRecord, TrainConfig } from '@gapkit/trainer';

const fmt = (v: number | undefined, digits = 4) => (v === undefined ? '—' : Number.isInteger(v) ? String(v) : v.toPrecision(digits));

export function lastEval(records: readonly MetricsRecord[]): EvalRecord | undefined {
  return records.filter((r): r is EvalRecord => r.type === 'eval').at(-1);
}

export function lastStep(records: readonly MetricsRecord[]): StepRecord | undefined {
  return records.filter((r): r is StepRecord => r.type === 'step').at(-1);
}

/** One table row per run: name, steps, final train loss, and the test metrics. */
export function resultTable(rows: readonly { name: string; records: readonly MetricsRecord[] }[]): string {
  const evals = rows.map((r) => lastEval(r.records));
  const ncf = evals.some((e) => e?.hitRate !== undefined);
  const head = ncf ? '| run | steps | train loss | HR@K | NDCG@K |' : '| run | steps | train loss | test loss | test accuracy | ECE | mean logit norm |';
  const sep = ncf ? '| --- | ---: | ---: | ---: | ---: |' : '| --- | ---: | ---: | ---: | ---: | ---: | ---: |';
  const lines = rows.map((r, i) => {
    const s = lastStep(r.records);
    const e = evals[i];
    return ncf
      ? `| ${r.name} | ${fmt(s?.step)} | ${fmt(s?.loss)} | ${fmt(e?.hitRate)} | ${fmt(e?.ndcg)} |`
      : `| ${r.name} | ${fmt(s?.step)} | ${fmt(s?.loss)} | ${fmt(e?.loss)} | ${e?.accuracy === undefined ? '—' : `${(100 * e.accuracy).toFixed(2)}%`} | ${fmt(e?.ece)} | ${fmt(e?.logitNorm)} |`;
  });
  return [head, sep, ...lines].join('\n');
}

export function summaryMarkdown(config: TrainConfig, records: readonly MetricsRecord[], files: readonly string[]): string {
  return [
    `# gapkit train — ${config.model.name} on ${config.dataset.name} with ${config.optimizer.name}`,
    '',
    `seed ${config.seed}, batch ${config.batchSize}, ${config.epochs} epochs${config.maxSteps ? `, at most ${config.maxSteps} steps` : ''}, schedule ${config.schedule.kind}, head ${config.head.kind}, backend ${config.backend}`,
    '',
    resultTable([{ name: config.optimizer.name, records }]),
    '',
    'Every setting (with defaults) is in `config.yaml`; every logged step and evaluation in `metrics.jsonl` / `metrics.csv`.',
    '',
    '## Files',
    '',
    ...files.map((f) => `- \`${f}\``),
    '',
  ].join('\n');
}
