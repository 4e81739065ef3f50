/**
 * `gapkit experiment ndadam-effective-step` — ND-Adam Fig. 1b at CPU scale: the effective step
 * ‖Δw‖/‖w‖ of one hidden conv (layer2's second 3×3 conv, 32×32×3×3, logged every step) follows ND-Adam's
 * α^v, while SGD + L2 reaches the same effective step at equal αλ only after equilibration. Zhang et
 * al., "Normalized Direction-preserving Adam", arXiv:1709.04546, §5.1 and Fig. 1b (docs/papers/nd-adam.md).
 */
import type { RunSpec } from '../../sweep/expand-sweep.js';
import type { Experiment, ReportContext } from '../experiment.js';
import { settingFigure, testAccuracyFigure } from '../setting-figure.js';
import { accuracyStandardError } from '../classifier-summary.js';
import { markdownTable } from '../markdown-table.js';
import { PYTORCH_CIFAR_LOGIT_NORM_RANGE, versusReference } from '../reference-comparison.js';
import { blockFor, type EpochRange, evalLines, finalEval, rangeMean, rangesWithin, type Setting, settings, stepLines, stepsPerEpochOf } from '../run-records.js';
import { formatSeedStatistic, seedStatistic } from '../seed-statistics.js';
import { approachVerdict, effectVerdict, formatVerdict, matchVerdict, rangeVerdict } from '../verdict.js';

/** The tensor whose effective step is measured. */
export const MEASURED_TENSOR = 'layer2.0.conv2.weight';

/** The epoch ranges of the PyTorch reference runs' table (epoch 8 is left out there too). */
export const PHASES: readonly EpochRange[] = [
  { label: 'epoch 1', from: 1, to: 1 },
  { label: 'epochs 2–4', from: 2, to: 4 },
  { label: 'epochs 5–7', from: 5, to: 7 },
  { label: 'epochs 9–10 (lr ×0.1)', from: 9, to: 10 },
];

/**
 * The PyTorch reference runs (PyTorch 1.13, float32, one thread, 2-core machine) on this recipe: the
 * ratio of mean ‖Δw‖/‖w‖, ND-Adam α^v 0.05 over 0.025, per phase; SGD (0.1, 5e-4) over (0.05, 1e-3),
 * epoch 1 and epoch 10. One seed each.
 */
export const PYTORCH_NDADAM_RATIO: Readonly<Record<string, number>> = { 'epoch 1': 1.74, 'epochs 2–4': 1.78, 'epochs 5–7': 1.88, 'epochs 9–10 (lr ×0.1)': 2.14 };
export const PYTORCH_SGD_RATIO = { first: 1.93, last: 1.49 } as const;
/** The reference's final test accuracy (all 10,000 test images) of SGD (0.1, 5e-4) on this recipe, one seed. */
export const PYTORCH_SGD_FINAL_ACCURACY = 54.0;

type Opt = { name: string; options: Record<string, number | string> };
const optimizerOf = (r: RunSpec): Opt => r.input.optimizer as Opt;

/** `ND-Adam α^v=0.05` / `SGD α=0.1 λ=0.0005`. */
export function settingLabel(r: RunSpec): string {
  const o = optimizerOf(r);
  if (o.name === 'nd-adam') return `ND-Adam α^v=${o.options.lrVector}`;
  if (o.name === 'sgd') return `SGD α=${o.options.lr} λ=${o.options.weightDecay}`;
  return r.point;
}

/**
 * The ratio Σa/Σb of two runs' per-step values over the same steps (paired by step: same seed, same
 * batches), and its standard error by paired batch means — the ratio of each block's sums, whose
 * spread is free of the trend both runs share (the effective step falls fast in epoch 1).
 */
export function pairedRatio(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>, block: number): { ratio: number; se: number } {
  const steps = [...a.keys()].filter((k) => b.has(k)).sort((x, y) => x - y);
  if (steps.length === 0) throw new RangeError('pairedRatio: the two runs share no logged step');
  let sa = 0;
  let sb = 0;
  for (const k of steps) {
    sa += a.get(k) ?? 0;
    sb += b.get(k) ?? 0;
  }
  const blocks: number[] = [];
  for (let i = 0; i + block <= steps.length; i += block) {
    let x = 0;
    let y = 0;
    for (let j = i; j < i + block; j++) {
      x += a.get(steps[j]) ?? 0;
      y += b.get(steps[j]) ?? 0;
    }
    blocks.push(x / y);
  }
  const m = blocks.length;
  if (m < 2) return { ratio: sa / sb, se: Number.POSITIVE_INFINITY };
  const mean = blocks.reduce((p, q) => p + q, 0) / m;
  const sq = blocks.reduce((p, q) => p + (q - mean) * (q - mean), 0);
  return { ratio: sa / sb, se: Math.sqrt(sq / (m - 1) / m) };
}

/** The measured tensor's ‖Δw‖/‖w‖ by step over the steps of `range`. */
function layerSeries(records: Setting['runs'][number]['records'], range: EpochRange, stepsPerEpoch: number): Map<number, number> {
  const lo = (range.from - 1) * stepsPerEpoch + 1;
  const hi = range.to * stepsPerEpoch;
  const out = new Map<number, number>();
  for (const r of stepLines(records)) {
    const v = r.layers?.[MEASURED_TENSOR]?.effectiveStep;
    if (r.step >= lo && r.step <= hi && !r.skipped && v !== undefined && Number.isFinite(v)) out.set(r.step, v);
  }
  return out;
}

/**
 * Per seed (paired by seed and step), the ratio of the effective step of `a` over `b` in `range`, and
 * its noise: the larger of the std over seeds and the mean within-run standard error of the ratio
 * (paired batch means over blocks of `blockFor` steps).
 */
export function phaseRatio(a: Setting, b: Setting, range: EpochRange, stepsPerEpoch: number): { ratio: ReturnType<typeof seedStatistic>; noise: number } {
  const ratios: number[] = [];
  const ses: number[] = [];
  const block = blockFor(range, stepsPerEpoch);
  for (const ra of a.runs) {
    const rb = b.runs.find((x) => x.run.seed === ra.run.seed);
    if (!rb) continue;
    const r = pairedRatio(layerSeries(ra.records, range, stepsPerEpoch), layerSeries(rb.records, range, stepsPerEpoch), block);
    ratios.push(r.ratio);
    ses.push(r.se);
  }
  const ratio = seedStatistic(ratios, `the ratio ${a.label} / ${b.label} in ${range.label}`);
  const within = ses.reduce((s, x) => s + x, 0) / ses.length;
  return { ratio, noise: Math.max(ratio.std, within) };
}

function find(all: readonly Setting[], label: string): Setting | undefined {
  return all.find((s) => s.label === label);
}

function pairSection(title: string, a: Setting | undefined, b: Setting | undefined, phases: readonly EpochRange[], spe: number, row: (range: EpochRange, r: ReturnType<typeof phaseRatio>) => string[], header: string[]): string {
  if (!a || !b) return `### ${title}\n\nNot in this report: a setting of this pair was not run (its sweep file was left out with \`--only\`) or did not finish.\n`;
  const rows = phases.map((p) => {
    const r = phaseRatio(a, b, p, spe);
    if (!Number.isFinite(r.noise)) return [p.label, formatSeedStatistic(r.ratio), 'unknown', ...header.map(() => 'too few steps for a noise estimate')];
    return [p.label, formatSeedStatistic(r.ratio), r.noise.toFixed(3), ...row(p, r)];
  });
  return `### ${title}\n\n${markdownTable(['phase', `ratio ${a.label} / ${b.label}`, 'noise', ...header], rows)}\n`;
}

async function report(ctx: ReportContext): Promise<string> {
  const all = ctx.sweeps.flatMap((s) => settings(ctx, s, settingLabel));
  const first = all[0]?.runs[0];
  if (!first) return 'No run finished.\n';
  const spe = stepsPerEpochOf(first.run.input);
  const epochs = Number(first.run.input.epochs);
  const phases = rangesWithin(PHASES, epochs);
  const out: string[] = [''];
  if (ctx.mode === 'quick') out.push('> **Quick form: far too small (a few steps on a few images) to show anything.** Its numbers only prove that the pipeline runs end to end; read the full report.\n');
  out.push(
    '## The paper\'s claim',
    '',
    'ND-Adam (Zhang et al., "Normalized Direction-preserving Adam", arXiv:1709.04546, §5.1, Fig. 1b; [docs/papers/nd-adam.md](../../papers/nd-adam.md)): "changes in α^v lead to approximately proportional changes in ‖Δw_i‖₂/‖w_i‖₂" — halving α^v (0.05 → 0.025) should halve the effective step, a **ratio of about 2**, at every stage of training, because ND-Adam keeps every unit vector at norm 1. For SGD + L2, ‖Δw‖/‖w‖ "is expected to remain the same as long as αλ stays constant" (the curves for α 0.1, λ 1e-3 and α 0.05, λ 2e-3 overlap, **ratio 1**) — once ‖w‖ has reached its equilibrium, which takes about (1−μ)/(2αλ) steps.',
    '',
    `Measured: ‖Δw‖/‖w‖ of the whole tensor \`${MEASURED_TENSOR}\` (32×32×3×3) at every step, averaged per phase; a ratio is taken per seed (same seed, so same initialization and batch order) and then averaged over seeds. *Noise* is the larger of the ratio's std over seeds and its within-run standard error (paired batch means: the ratio of the two runs' sums over each block of 10 steps — neighbouring steps are correlated, and the trend the two runs share cancels); a verdict counts a difference only beyond 2 × noise, and against a one-seed reference number beyond 2 × noise × √(1 + 1/seeds).`,
    '',
    '## ND-Adam: α^v 0.05 against 0.025',
    '',
  );
  const nd05 = find(all, 'ND-Adam α^v=0.05');
  const nd025 = find(all, 'ND-Adam α^v=0.025');
  out.push(
    pairSection('Ratio of the mean effective step', nd05, nd025, phases, spe, (p, r) => {
      const ref = PYTORCH_NDADAM_RATIO[p.label];
      const paper = effectVerdict(r.ratio.mean - 1, r.noise, 1, { digits: 3 });
      const vsRef = ref === undefined ? '—' : versusReference(ctx.mode, () => formatVerdict(matchVerdict(r.ratio.mean, ref, r.noise * Math.sqrt(1 + 1 / r.ratio.n), { digits: 3 })));
      return [paper.word === 'agrees' ? `${formatVerdict(paper)}; ratio/2 = ${(r.ratio.mean / 2).toFixed(2)}` : formatVerdict(paper), ref === undefined ? '—' : ref.toFixed(2), vsRef];
    }, ['vs paper (α^v sets the step: ratio > 1; proportional = 2)', 'PyTorch reference', 'vs PyTorch']),
  );
  out.push('## SGD + L2 at equal αλ', '');
  const sgdPairs: [string, string, string, number][] = [
    ['the paper\'s λ (αλ = 5e-5; equilibration ≈ 1,000 steps, longer than this run)', 'SGD α=0.1 λ=0.0005', 'SGD α=0.05 λ=0.001', 1000],
    ['λ ×10 (αλ = 5e-4; equilibration ≈ 100 steps)', 'SGD α=0.1 λ=0.005', 'SGD α=0.05 λ=0.01', 100],
  ];
  for (const [what, la, lb, needed] of sgdPairs) {
    const paperLambda = la === 'SGD α=0.1 λ=0.0005';
    const a = find(all, la);
    const b = find(all, lb);
    out.push(
      pairSection(what, a, b, phases, spe, (p, r) => {
        const refValue = !paperLambda ? undefined : p === phases[0] ? PYTORCH_SGD_RATIO.first : p === phases[phases.length - 1] && p.to === 10 ? PYTORCH_SGD_RATIO.last : undefined;
        const vsRef = refValue === undefined ? '—' : versusReference(ctx.mode, () => formatVerdict(matchVerdict(r.ratio.mean, refValue, r.noise * Math.sqrt(1 + 1 / r.ratio.n), { digits: 3 })));
        return [`${(r.ratio.mean - 1).toFixed(3)}`, refValue === undefined ? '—' : refValue.toFixed(2), vsRef];
      }, ['ratio − 1', 'PyTorch reference', 'vs PyTorch']),
    );
    if (a && b) {
      const rs = phases.map((p) => phaseRatio(a, b, p, spe));
      const lastNoise = rs[rs.length - 1].noise;
      const v = Number.isFinite(lastNoise) ? formatVerdict(approachVerdict(rs.map((r) => r.ratio.mean), 1, lastNoise, epochs * spe, needed, { digits: 2 })) : 'too few steps for a noise estimate';
      out.push(`Verdict against the paper (equal αλ gives equal effective steps once ‖w‖ has equilibrated: the ratio reaches 1): ${v}.`, '');
    }
  }
  out.push(
    'The PyTorch reference\'s SGD ratio is 1.93 in epoch 1 and 1.49 at the end of its 10 epochs ("not yet 1"); it is compared with the first phase and the last (epochs 9–10) here.',
    '',
    '## Weight norm ‖w‖ of the measured tensor',
    '',
  );
  const normRows = all.map((s) => {
    const w0 = seedStatistic(s.runs.map((r) => stepLines(r.records)[0]?.layers?.[MEASURED_TENSOR]?.weightNorm ?? Number.NaN), `‖w‖ after step 1 of ${s.label}`);
    const w1 = seedStatistic(s.runs.map((r) => stepLines(r.records).at(-1)?.layers?.[MEASURED_TENSOR]?.weightNorm ?? Number.NaN), `final ‖w‖ of ${s.label}`);
    let drift = 0;
    for (const r of s.runs) for (const l of stepLines(r.records)) drift = Math.max(drift, Math.abs((l.layers?.[MEASURED_TENSOR]?.weightNorm ?? Number.NaN) - Math.sqrt(32)));
    const isNd = optimizerOf(s.runs[0].run).name === 'nd-adam';
    return [s.label, formatSeedStatistic(w0, 3), formatSeedStatistic(w1, 3), isNd ? drift.toExponential(1) : '—'];
  });
  out.push(markdownTable(['setting', '‖w‖ after step 1', '‖w‖ at the end', 'ND-Adam: max |‖w‖ − √32| over every step'], normRows), '');
  out.push('ND-Adam keeps each of the 32 unit vectors at norm 1, so ‖w‖ = √32 ≈ 5.657 at every step; SGD\'s ‖w‖ moves toward its equilibrium.', '');

  out.push('## Test accuracy', '');
  const accRows = all.map((s) => {
    const acc = seedStatistic(s.runs.map((r) => finalEval(r.records).accuracy ?? Number.NaN), `final accuracy of ${s.label}`);
    const z = seedStatistic(s.runs.map((r) => finalEval(r.records).logitNorm ?? Number.NaN), `final logit norm of ${s.label}`);
    const n = finalEval(s.runs[0].records).n ?? 0;
    const [lo, hi] = PYTORCH_CIFAR_LOGIT_NORM_RANGE;
    const vs = () => {
      if (z.n > 1) return formatVerdict(rangeVerdict(z.mean, lo, hi, z.std));
      const off = z.mean < lo ? lo - z.mean : z.mean > hi ? z.mean - hi : 0;
      return `${off === 0 ? 'inside the range' : `${off.toFixed(2)} outside the range`}; one seed: no noise estimate, no verdict`;
    };
    const isRefSgd = s.label === 'SGD α=0.1 λ=0.0005';
    const accVs = !isRefSgd
      ? '—'
      : versusReference(ctx.mode, () => {
          const noise = 100 * (acc.n > 1 ? acc.std : accuracyStandardError(acc.mean, n)) * Math.sqrt(1 + 1 / acc.n);
          return `${PYTORCH_SGD_FINAL_ACCURACY} %: ${formatVerdict(matchVerdict(100 * acc.mean, PYTORCH_SGD_FINAL_ACCURACY, noise, { digits: 1, unit: ' pts' }))}`;
        });
    return [s.label, `${formatSeedStatistic(acc, 1, 100)} %`, String(n), accVs, formatSeedStatistic(z, 2), versusReference(ctx.mode, vs)];
  });
  out.push(markdownTable(['setting', 'final test accuracy', 'test images', 'PyTorch accuracy', 'mean test ‖z‖ (eval-mode BN)', 'vs PyTorch (every ‖z‖ 5.1–7.0)'], accRows), '');
  out.push('With one seed the noise of a final accuracy is its binomial standard error alone (0.5 points on 10,000 images); the seed-to-seed spread after 10 epochs is larger and not measured by either side, so a disagreement of a few points on one seed is a lead to check, not yet a defect.', '');

  const perEpoch: Record<string, string | number>[] = [];
  const perStep: Record<string, string | number>[] = [];
  const norms: Record<string, string | number>[] = [];
  const acc: Record<string, string | number>[] = [];
  for (const s of all) {
    for (const r of s.runs) {
      const steps = stepLines(r.records);
      for (let e = 1; e <= epochs; e++) {
        const m = rangeMean(steps, { label: `epoch ${e}`, from: e, to: e }, spe, (l) => l.layers?.[MEASURED_TENSOR]?.effectiveStep);
        perEpoch.push({ setting: s.label, epoch: e, value: m.mean });
      }
      for (const l of steps) {
        const x = l.layers?.[MEASURED_TENSOR];
        if (!x) continue;
        if (x.effectiveStep > 0) perStep.push({ setting: s.label, step: l.step, value: x.effectiveStep });
        norms.push({ setting: s.label, step: l.step, value: x.weightNorm });
      }
      for (const e of evalLines(r.records)) acc.push({ setting: s.label, epoch: e.epoch, value: 100 * (e.accuracy ?? Number.NaN) });
    }
  }
  out.push('## Figures', '');
  out.push(await settingFigure(ctx, 'effective-step-per-epoch', { title: `‖Δw‖/‖w‖ of ${MEASURED_TENSOR}, mean per epoch`, subtitle: 'band: ± one std over seeds', x: 'epoch', y: '‖Δw‖/‖w‖', log: true, data: perEpoch, caption: 'Effective step per epoch (log scale): ND-Adam\'s two curves stay about a factor α^v apart; SGD\'s equal-αλ pairs converge as ‖w‖ equilibrates.' }), '');
  out.push(await settingFigure(ctx, 'effective-step-per-step', { title: `‖Δw‖/‖w‖ of ${MEASURED_TENSOR}, every step`, subtitle: 'mean over seeds', x: 'step', y: '‖Δw‖/‖w‖', log: true, data: perStep, caption: 'Effective step at every step (log scale).' }), '');
  out.push(await settingFigure(ctx, 'weight-norm', { title: `‖w‖ of ${MEASURED_TENSOR}`, subtitle: 'mean over seeds', x: 'step', y: '‖w‖', data: norms, caption: 'Weight norm of the measured tensor: √32 for ND-Adam; SGD + L2 moves toward an equilibrium set by αλ.' }), '');
  out.push(await testAccuracyFigure(ctx, acc, 'epoch evaluations on the first test images, the last on all of them; band: ± one std over seeds', 'Test accuracy over training.', true), '');
  return `${out.join('\n')}\n`;
}

export const experiment: Experiment = {
  name: 'ndadam-effective-step',
  title: 'ND-Adam\'s effective step follows α^v (ND-Adam Fig. 1b), and SGD + L2 at equal αλ',
  summary: 'ND-Adam Fig. 1b: ‖Δw‖/‖w‖ of one hidden conv, ND-Adam α^v 0.05 vs 0.025, SGD + L2 at equal αλ (paper λ and ×10), ResNet-8 on 5,000 CIFAR-10 images',
  data: ['cifar10'],
  sweeps: { full: ['nd-adam.yaml', 'sgd.yaml', 'sgd-lambda-x10.yaml'], quick: ['quick-nd-adam.yaml', 'quick-sgd-lambda-x10.yaml'] },
  fullCost: '≈ 110 min on one loaded core (8 runs of 400 steps, ≈ 13 min each here under load); ≈ 55 min on 2 cores',
  report,
};
