/**
 * `gapkit experiment padam-p-sweep` — Padam Fig. 1 and Tables 1–2 at CPU scale: p ∈ {1/4, 1/8, 1/16}
 * against SGD-momentum, Adam and AMSGrad (train loss and test accuracy over epochs, lr ×0.1 for the
 * last two), plus p = 1/8 and 1/16 at a learning rate matched to p = 1/4's initial step. Chen et al.,
 * "Closing the Generalization Gap of Adaptive Gradient Methods in Training Deep Neural Networks",
 * IJCAI 2020, arXiv:1806.06763 (docs/papers/padam.md).
 */
import type { MetricsRecord } from '@gapkit/trainer';
import type { RunSpec } from '../../sweep/expand-sweep.js';
import { accuracyStandardError, epochRows, epochTrainLoss, evalByEpoch, finalAccuracy, finalTestImages, overSeeds } from '../classifier-summary.js';
import type { Experiment, ReportContext } from '../experiment.js';
import { settingFigure, testAccuracyFigure } from '../setting-figure.js';
import { markdownTable } from '../markdown-table.js';
import { versusReference } from '../reference-comparison.js';
import { blockFor, evalLines, rangeMean, type Setting, settings, stepLines, stepsPerEpochOf } from '../run-records.js';
import { formatSeedStatistic, type SeedStatistic } from '../seed-statistics.js';
import { effectVerdict, formatVerdict, matchVerdict } from '../verdict.js';

/**
 * The PyTorch reference runs (PyTorch 1.13, float32, one thread, 2-core machine) on this recipe, one
 * seed each: last-epoch train loss and final test accuracy (10,000 images) per p at lr 0.1; final test
 * accuracy of SGD and Adam; mean test accuracy of epochs 1–3 (2,000 images).
 */
export const PYTORCH = {
  lastTrainLoss: { 'Padam p=1/4': 1.241, 'Padam p=1/8': 1.463, 'Padam p=1/16': 1.632 } as Readonly<Record<string, number>>,
  finalAccuracy: { 'Padam p=1/4': 54.9, 'Padam p=1/8': 45.6, 'Padam p=1/16': 40.2, 'SGD-momentum': 54.0, Adam: 51.35 } as Readonly<Record<string, number>>,
  earlyAccuracy: { Adam: 35, 'SGD-momentum': 28 } as Readonly<Record<string, number>>,
} as const;

const FRACTIONS: Readonly<Record<number, string>> = { 0.25: '1/4', 0.125: '1/8', 0.0625: '1/16' };

type Opt = { name: string; options: Record<string, number | string | boolean> };

/** `Padam p=1/8`, `Padam p=1/8, lr 0.4 (matched step)`, `SGD-momentum`, `Adam`, `AMSGrad`. */
export function settingLabel(r: RunSpec): string {
  const o = r.input.optimizer as Opt;
  if (o.name === 'padam') {
    const p = Number(o.options.p);
    const lr = Number(o.options.lr);
    const name = `Padam p=${FRACTIONS[p] ?? p}`;
    return lr === 0.1 ? name : `${name}, lr ${lr} (matched step)`;
  }
  return { sgd: 'SGD-momentum', adam: 'Adam', amsgrad: 'AMSGrad' }[o.name] ?? r.point;
}

/** Mean train loss of the last epoch and its within-run standard error (per-step spread). */
function lastEpochLoss(records: readonly MetricsRecord[], spe: number, epochs: number): { mean: number; se: number } {
  const range = { label: `epoch ${epochs}`, from: epochs, to: epochs };
  return rangeMean(stepLines(records), range, spe, (r) => r.loss, blockFor(range, spe));
}

/** Noise of one setting's mean: the std over seeds, or with one seed the within-run `fallback`. */
function noiseOf(s: SeedStatistic, fallback: number): number {
  return s.n > 1 ? s.std : fallback;
}

async function report(ctx: ReportContext): Promise<string> {
  const all = ctx.sweeps.flatMap((s) => settings(ctx, s, settingLabel));
  const first = all[0]?.runs[0];
  if (!first) return 'No run finished.\n';
  const spe = stepsPerEpochOf(first.run.input);
  const epochs = Number(first.run.input.epochs);
  const find = (l: string): Setting | undefined => all.find((s) => s.label === l);
  const out: string[] = [''];
  if (ctx.mode === 'quick') out.push('> **Quick form: far too small (a few steps on a few images) to show anything.** Its numbers only prove that the pipeline runs end to end; read the full report.\n');
  out.push(
    '## The paper\'s claim',
    '',
    'Padam (Chen et al., "Closing the Generalization Gap of Adaptive Gradient Methods in Training Deep Neural Networks", IJCAI 2020, arXiv:1806.06763, Fig. 1 and Tables 1–2; [docs/papers/padam.md](../../papers/padam.md)): "a larger p will lead to fast convergence at early stages and worse generalization performance later, while a smaller p behaves more like SGD with momentum"; with p = 1/8 Padam gets "the best of both worlds". Table 1 (VGGNet, CIFAR-10, 200 epochs, test accuracy): SGD-momentum **93.32**, Adam 92.21, AMSGrad 92.36, Padam **93.45** %; at epoch 50 (before the decays) Adam 89.37 and AMSGrad 90.25 lead SGD-momentum 84.83.',
    '',
    'Every run here uses the same recipe (5,000 CIFAR-10 images, ResNet-8, 10 epochs, lr ×0.1 for the last two, L2 5e-4 on every parameter). One seed per setting, as in the PyTorch reference: the noise of a test accuracy is its binomial standard error (√(p(1−p)/n): ≈ 1.1 points on 2,000 images, 0.5 on 10,000), the noise of an epoch\'s train loss its within-run standard error (batch means over blocks of 10 steps) — seed-to-seed spread is not measured and is larger. Verdicts count a difference beyond 2 × noise.',
    '',
    '## Train loss per epoch (fixed lr 0.1 for Padam)',
    '',
  );
  const lossRows = all.map((s) => {
    const perEpoch = s.runs.map((r) => epochTrainLoss(r.records, spe));
    const cells: string[] = [];
    for (let e = 0; e < epochs; e++) {
      const v = perEpoch.map((x) => x[e]).filter((x) => Number.isFinite(x));
      cells.push(v.length > 0 ? (v.reduce((a, b) => a + b, 0) / v.length).toFixed(3) : '—');
    }
    return [s.label, ...cells];
  });
  out.push(markdownTable(['setting', ...Array.from({ length: epochs }, (_, e) => `epoch ${e + 1}`)], lossRows), '');

  const ps = ['Padam p=1/4', 'Padam p=1/8', 'Padam p=1/16'].map(find).filter((s): s is Setting => s !== undefined);
  const verdictRows: string[][] = [];
  const lossStat = (s: Setting) => overSeeds(s, 'last-epoch train loss', (rs) => lastEpochLoss(rs, spe, epochs).mean);
  const lossSe = (s: Setting) => lastEpochLoss(s.runs[0].records, spe, epochs).se;
  for (let i = 0; i + 1 < ps.length; i++) {
    const a = ps[i];
    const b = ps[i + 1];
    const la = lossStat(a);
    const lb = lossStat(b);
    const noise = Math.hypot(noiseOf(la, lossSe(a)), noiseOf(lb, lossSe(b)));
    verdictRows.push([`${b.label} − ${a.label}, last-epoch train loss (larger p faster: > 0)`, formatVerdict(effectVerdict(lb.mean - la.mean, noise, 1, { digits: 3 }))]);
  }
  for (const s of ps) {
    const ref = PYTORCH.lastTrainLoss[s.label];
    const l = lossStat(s);
    if (ref !== undefined) verdictRows.push([`${s.label}: last-epoch train loss ${formatSeedStatistic(l, 3)} vs PyTorch ${ref}`, versusReference(ctx.mode, () => formatVerdict(matchVerdict(l.mean, ref, Math.SQRT2 * noiseOf(l, lossSe(s)), { digits: 3 })))]);
  }
  out.push('### Verdicts on the train loss', '', verdictRows.length > 0 ? markdownTable(['comparison', 'verdict'], verdictRows) : 'Fewer than two values of p finished.', '');
  out.push('The PyTorch reference\'s last-epoch train losses are 1.241 / 1.463 / 1.632 for p = 1/4 / 1/8 / 1/16, ordered 1/4 < 1/8 < 1/16 at every epoch.', '');

  out.push('## Test accuracy', '');
  const accStat = (s: Setting) => overSeeds(s, 'final test accuracy', finalAccuracy);
  const nOf = (s: Setting) => finalTestImages(s.runs[0].records) ?? 0;
  const accNoise = (s: Setting) => {
    const a = accStat(s);
    return 100 * noiseOf(a, accuracyStandardError(a.mean, nOf(s)));
  };
  const early = (rs: readonly MetricsRecord[]) => {
    const e = evalLines(rs).slice(0, Math.min(3, epochs)).map((x) => x.accuracy ?? Number.NaN);
    return e.reduce((a, b) => a + b, 0) / e.length;
  };
  const accRows = all.map((s) => {
    const a = accStat(s);
    const ref = PYTORCH.finalAccuracy[s.label];
    const vs = ref === undefined ? '—' : versusReference(ctx.mode, () => formatVerdict(matchVerdict(100 * a.mean, ref, Math.SQRT2 * accNoise(s), { digits: 1, unit: ' pts' })));
    const ea = overSeeds(s, 'mean test accuracy of epochs 1–3', early);
    return [s.label, `${formatSeedStatistic(a, 1, 100)} %`, String(nOf(s)), ref === undefined ? '—' : `${ref} %`, vs, `${formatSeedStatistic(ea, 1, 100)} %`];
  });
  out.push(markdownTable(['setting', 'final test accuracy', 'test images', 'PyTorch reference', 'vs PyTorch', 'mean test accuracy, epochs 1–3'], accRows), '');

  const claims: string[][] = [];
  const sgd = find('SGD-momentum');
  const adam = find('Adam');
  const p4 = find('Padam p=1/4');
  const p8 = find('Padam p=1/8');
  if (adam && sgd) {
    const ea = overSeeds(adam, 'early accuracy', early);
    const es = overSeeds(sgd, 'early accuracy', early);
    const n = evalLines(adam.runs[0].records)[0]?.n ?? 1;
    const se = (p: number) => accuracyStandardError(p, n) / Math.sqrt(Math.min(3, epochs));
    claims.push(['Adam − SGD-momentum, mean test accuracy of epochs 1–3 (adaptive is faster early: > 0)', formatVerdict(effectVerdict(100 * (ea.mean - es.mean), 100 * Math.hypot(noiseOf(ea, se(ea.mean)), noiseOf(es, se(es.mean))), 1, { digits: 1, unit: ' pts' }))]);
  }
  for (const [better, what] of [
    [sgd, 'SGD-momentum'],
    [p8, 'Padam p=1/8'],
    [p4, 'Padam p=1/4'],
  ] as const) {
    if (!better || !adam) continue;
    claims.push([`${what} − Adam, final test accuracy (better after the decay: > 0)`, formatVerdict(effectVerdict(100 * (accStat(better).mean - accStat(adam).mean), Math.hypot(accNoise(better), accNoise(adam)), 1, { digits: 1, unit: ' pts' }))]);
  }
  out.push('### Verdicts on the test accuracy', '', claims.length > 0 ? markdownTable(['comparison', 'verdict'], claims) : 'The baselines did not finish.', '');

  out.push('## At a matched initial step', '', 'At a fixed lr a smaller p also takes a smaller step, so "larger p is faster" confounds adaptivity with step size. The matched runs raise the lr of p = 1/8 and 1/16 to 0.75 and 1.9, measured so that the mean effective step of their first 10 steps equals p = 1/4\'s at lr 0.1 (see `config/matched-step.yaml`); the table first checks the match (mean ‖Δw‖/‖w‖ of the whole model over epoch 1 against p = 1/4\'s), then compares the last-epoch train loss.', '');
  const matched = all.filter((s) => s.label.includes('matched step'));
  if (p4 && matched.length > 0) {
    const step1 = (s: Setting) => overSeeds(s, 'epoch-1 effective step', (rs) => rangeMean(stepLines(rs), { label: 'epoch 1', from: 1, to: 1 }, spe, (r) => r.effectiveStep[0]).mean);
    const ref = step1(p4);
    const rows = matched.map((s) => {
      const st = step1(s);
      const l = lossStat(s);
      const lp = lossStat(p4);
      const noise = Math.hypot(noiseOf(l, lossSe(s)), noiseOf(lp, lossSe(p4)));
      return [s.label, (st.mean / ref.mean).toFixed(2), formatSeedStatistic(l, 3), formatSeedStatistic(lp, 3), formatVerdict(effectVerdict(l.mean - lp.mean, noise, 1, { digits: 3 }))];
    });
    out.push(markdownTable(['setting', 'epoch-1 step / p=1/4\'s', 'last-epoch train loss', 'p=1/4 at lr 0.1', 'larger p still faster (loss difference > 0)'], rows), '');
  } else out.push('Not in this run.', '');

  out.push('## Figures', '');
  const lossData = epochRows(all, (rs) => epochTrainLoss(rs, spe));
  const accData = epochRows(all, evalByEpoch((e) => e.accuracy, 100));
  out.push(await settingFigure(ctx, 'train-loss', { title: 'train loss per epoch', subtitle: 'mean of the logged steps of each epoch; lr ×0.1 for the last two epochs', x: 'epoch', y: 'train loss', log: true, data: lossData, caption: 'Train loss per epoch: Padam at p = 1/4, 1/8, 1/16 (lr 0.1 and matched), SGD-momentum, Adam, AMSGrad.' }), '');
  out.push(await testAccuracyFigure(ctx, accData, 'first test images per epoch, all at the end'), '');
  return `${out.join('\n')}\n`;
}

export const experiment: Experiment = {
  name: 'padam-p-sweep',
  title: 'Padam\'s p: faster early with larger p, SGD-like with smaller p (Padam Fig. 1, Tables 1–2)',
  summary: 'Padam Fig. 1 / Tables 1–2: p ∈ {1/4, 1/8, 1/16} vs SGD-momentum, Adam, AMSGrad (train loss, test accuracy, late lr drop) and a matched-initial-step check; ResNet-8 on 5,000 CIFAR-10 images',
  data: ['cifar10'],
  sweeps: { full: ['padam.yaml', 'baselines.yaml', 'matched-step.yaml'], quick: ['quick-padam.yaml', 'quick-baselines.yaml', 'quick-matched-step.yaml'] },
  fullCost: '≈ 100 min on one loaded core (8 runs of 400 steps, 10–13 min each here under load); ≈ 50 min on 2 cores',
  report,
};
