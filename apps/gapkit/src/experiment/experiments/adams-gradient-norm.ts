/**
 * `gapkit experiment adams-gradient-norm` — SWD Figs. 2 and 4 at CPU scale: the full-batch gradient
 * norm after the lr drop and the test accuracy of AdamS, AdamW and Adam at the paper's weight decay and
 * at ×10, over three seeds, with AdamS's √v̄ over training. Xie et al., "On the Overlooked Pitfalls of
 * Weight Decay and How to Mitigate Them: A Gradient-Norm Perspective", NeurIPS 2023, arXiv:2011.11152
 * (docs/papers/adams-sgds.md).
 */
import type { RunSpec } from '../../sweep/expand-sweep.js';
import { accuracyStandardError, epochRows, evalByEpoch, finalAccuracy, finalLogitNorm, finalTestImages, finalTrainGradNorm, meanEvalAfter, overSeeds } from '../classifier-summary.js';
import type { Experiment, ReportContext } from '../experiment.js';
import { settingFigure, testAccuracyFigure } from '../setting-figure.js';
import { markdownTable } from '../markdown-table.js';
import { PYTORCH_CIFAR_LOGIT_NORM_RANGE, versusReference } from '../reference-comparison.js';
import { type Setting, settings, stepLines, stepsPerEpochOf } from '../run-records.js';
import { formatSeedStatistic, type SeedStatistic } from '../seed-statistics.js';
import { effectVerdict, formatVerdict, matchVerdict, rangeVerdict } from '../verdict.js';

/**
 * The PyTorch reference runs (PyTorch 1.13, float32, one thread, 2-core machine) on this recipe at the
 * paper's λ, one seed each: final full-batch ‖∇L‖ and test accuracy (Adam: the midpoint of its two
 * runs, L2 5e-4 and 1e-4).
 */
export const PYTORCH = {
  gradNorm: { 'AdamS λ=0.0005': 2.12, 'AdamW λ_W=0.5': 2.53, 'Adam L2 0.0005': 2.11 } as Readonly<Record<string, number>>,
  /** Test accuracy: all between 50.9 and 51.4 %. */
  accuracy: { 'AdamS λ=0.0005': 51.15, 'AdamW λ_W=0.5': 51.15, 'Adam L2 0.0005': 51.35 } as Readonly<Record<string, number>>,
} as const;

type Opt = { name: string; options: Record<string, number> };

export function settingLabel(r: RunSpec): string {
  const o = r.input.optimizer as Opt;
  const wd = o.options.weightDecay;
  if (o.name === 'adams') return `AdamS λ=${wd}`;
  if (o.name === 'adamw') return `AdamW λ_W=${wd}`;
  if (o.name === 'adam') return `Adam L2 ${wd}`;
  return r.point;
}

/** The step after which the lr is dropped (the first milestone), or 0 without one. */
function dropStep(input: Record<string, unknown>, spe: number): number {
  const s = input.schedule as { milestones?: number[] } | undefined;
  return (s?.milestones?.[0] ?? 0) * spe;
}

const noiseOf = (s: SeedStatistic, fallback: number) => (s.n > 1 ? s.std : fallback);

async function report(ctx: ReportContext): Promise<string> {
  const all = ctx.sweeps.flatMap((s) => settings(ctx, s, settingLabel));
  const first = all[0]?.runs[0];
  if (!first) return 'No run finished.\n';
  const spe = stepsPerEpochOf(first.run.input);
  const after = dropStep(first.run.input, spe);
  const find = (l: string): Setting | undefined => all.find((s) => s.label === l);
  const out: string[] = [''];
  if (ctx.mode === 'quick') out.push('> **Quick form: far too small (a few steps on a few images) to show anything.** Its numbers only prove that the pipeline runs end to end; read the full report.\n');
  out.push(
    '## The paper\'s claim',
    '',
    'SWD (Xie et al., "On the Overlooked Pitfalls of Weight Decay and How to Mitigate Them: A Gradient-Norm Perspective", NeurIPS 2023, arXiv:2011.11152, Figs. 2 and 4; [docs/papers/adams-sgds.md](../../papers/adams-sgds.md)): "weight decay significantly increases the gradient norms" at the end of training (Fig. 2, for AdamW, Adam and SGD), and scheduled weight decay (AdamS) "mitigates large gradient norms" (Fig. 4) and tests better: Table 1, CIFAR-10 ResNet-18 test error AdamS **4.91** %, AdamW 5.08 %, Adam 6.53 %.',
    '',
    `Measured: ‖∇L‖, the norm of the full-batch gradient of the mean cross-entropy (no regularizer) over the first 200 training images of each class (no augmentation, eval-mode BN), averaged over the evaluations after the lr drop (step ${after}) for the verdicts, and its last value (at the end of training, as the PyTorch reference states it) beside the reference; the final test accuracy on all test images. Mean ± std over seeds; a verdict counts a difference beyond 2 × noise, the noise being the std over seeds (for accuracies with one seed: the binomial standard error), and for a one-seed reference number √(1 + 1/seeds) × that.`,
    '',
    '## Gradient norm and test accuracy',
    '',
  );
  const gn = (s: Setting) => overSeeds(s, '‖∇L‖ after the lr drop', (rs) => meanEvalAfter(rs, after, (e) => e.trainGradNorm));
  const gnFinal = (s: Setting) => overSeeds(s, 'final ‖∇L‖', finalTrainGradNorm);
  const acc = (s: Setting) => overSeeds(s, 'final test accuracy', finalAccuracy);
  const nOf = (s: Setting) => finalTestImages(s.runs[0].records) ?? 0;
  const accNoise = (s: Setting) => {
    const a = acc(s);
    return 100 * noiseOf(a, accuracyStandardError(a.mean, nOf(s)));
  };
  const rows = all.map((s) => {
    const gf = gnFinal(s);
    const a = acc(s);
    const refG = PYTORCH.gradNorm[s.label];
    const refA = PYTORCH.accuracy[s.label];
    const k = Math.sqrt(1 + 1 / gf.n);
    return [
      s.label,
      formatSeedStatistic(gn(s), 3),
      formatSeedStatistic(gf, 3),
      refG === undefined ? '—' : String(refG),
      refG === undefined || gf.n < 2 ? '—' : versusReference(ctx.mode, () => formatVerdict(matchVerdict(gf.mean, refG, k * gf.std, { digits: 2 }))),
      `${formatSeedStatistic(a, 1, 100)} %`,
      refA === undefined ? '—' : `${refA} %`,
      refA === undefined ? '—' : versusReference(ctx.mode, () => formatVerdict(matchVerdict(100 * a.mean, refA, k * accNoise(s), { digits: 1, unit: ' pts' }))),
    ];
  });
  out.push(markdownTable(['setting', '‖∇L‖ after the lr drop (mean)', 'final ‖∇L‖', 'PyTorch final ‖∇L‖', 'vs PyTorch', 'final test accuracy', 'PyTorch accuracy', 'vs PyTorch'], rows), '');
  out.push('The PyTorch reference (paper λ only): ‖∇L‖ AdamS 2.12, AdamW 2.53, Adam 2.06–2.16; test accuracy of all three 50.9–51.4 %. ‖∇L‖ is compared only with at least two seeds here (its seed noise is not otherwise known).', '');

  const [lo, hi] = PYTORCH_CIFAR_LOGIT_NORM_RANGE;
  const zRows = all.map((s) => {
    const z = overSeeds(s, 'final mean test logit norm', finalLogitNorm);
    const compared = PYTORCH.gradNorm[s.label] !== undefined;
    const vs = !compared ? '— (not in the reference)' : z.n < 2 ? 'one seed: no noise estimate, no verdict' : versusReference(ctx.mode, () => formatVerdict(rangeVerdict(z.mean, lo, hi, z.std)));
    return [s.label, formatSeedStatistic(z, 2), vs];
  });
  out.push('### Mean test logit norm ‖z‖', '', `The reference's logit check on this recipe (ND-Adam §4: Adam's logits largest): every optimizer's ‖z‖ between ${lo.toFixed(1)} and ${hi.toFixed(1)}, eval-mode BN, all test images.`, '', markdownTable(['setting', 'final mean test ‖z‖', `vs PyTorch (${lo.toFixed(1)}–${hi.toFixed(1)})`], zRows), '');

  const claims: string[][] = [];
  const pairs: [string, string, string][] = [
    ['AdamW λ_W=5', 'AdamW λ_W=0.5', 'AdamW: ‖∇L‖ at λ ×10 − at λ (weight decay raises the gradient norm: > 0)'],
    ['AdamS λ=0.005', 'AdamS λ=0.0005', 'AdamS: ‖∇L‖ at λ ×10 − at λ (> 0 expected for any decay; smaller than AdamW\'s rise)'],
    ['AdamW λ_W=0.5', 'AdamS λ=0.0005', 'AdamW − AdamS, ‖∇L‖ at the paper\'s λ (AdamS smaller: > 0)'],
    ['AdamW λ_W=5', 'AdamS λ=0.005', 'AdamW − AdamS, ‖∇L‖ at λ ×10 (AdamS smaller: > 0)'],
    ['Adam L2 0.0005', 'AdamS λ=0.0005', 'Adam − AdamS, ‖∇L‖ at the paper\'s λ (AdamS smaller: > 0)'],
  ];
  for (const [a, b, what] of pairs) {
    const sa = find(a);
    const sb = find(b);
    if (!sa || !sb) continue;
    const ga = gn(sa);
    const gb = gn(sb);
    if (ga.n < 2 || gb.n < 2) {
      claims.push([what, 'one seed: no noise estimate, no verdict']);
      continue;
    }
    claims.push([what, formatVerdict(effectVerdict(ga.mean - gb.mean, Math.hypot(ga.std, gb.std), 1, { digits: 3 }))]);
  }
  for (const [a, b, what] of [
    ['AdamS λ=0.0005', 'AdamW λ_W=0.5', 'AdamS − AdamW, final test accuracy at the paper\'s λ (AdamS better: > 0)'],
    ['AdamS λ=0.0005', 'Adam L2 0.0005', 'AdamS − Adam, final test accuracy at the paper\'s λ (AdamS better: > 0)'],
    ['AdamS λ=0.005', 'AdamW λ_W=5', 'AdamS − AdamW, final test accuracy at λ ×10 (AdamS better: > 0)'],
  ] as const) {
    const sa = find(a);
    const sb = find(b);
    if (!sa || !sb) continue;
    claims.push([what, formatVerdict(effectVerdict(100 * (acc(sa).mean - acc(sb).mean), Math.hypot(accNoise(sa), accNoise(sb)), 1, { digits: 1, unit: ' pts' }))]);
  }
  out.push('### Verdicts', '', claims.length > 0 ? markdownTable(['comparison', 'verdict'], claims) : 'Not enough settings finished.', '');

  out.push('## √v̄ of AdamS over training', '');
  const vbarRows: Record<string, string | number>[] = [];
  const vbarTable: string[][] = [];
  const changes: string[] = [];
  for (const s of all.filter((x) => x.label.startsWith('AdamS'))) {
    const ends: number[] = [];
    const ratios: number[] = [];
    for (const r of s.runs) {
      const steps = stepLines(r.records).filter((l) => typeof l.sqrtVBar === 'number');
      for (const l of steps) vbarRows.push({ setting: s.label, step: l.step, value: l.sqrtVBar ?? Number.NaN });
      const first = steps[0]?.sqrtVBar;
      const last = steps.at(-1)?.sqrtVBar;
      if (last !== undefined) ends.push(last);
      if (first !== undefined && last !== undefined && first > 0) ratios.push(last / first);
    }
    const firstV = stepLines(s.runs[0].records).find((l) => typeof l.sqrtVBar === 'number')?.sqrtVBar;
    const ratio = ratios.length > 0 ? ratios.reduce((a, b) => a + b, 0) / ratios.length : undefined;
    vbarTable.push([s.label, firstV === undefined ? '—' : firstV.toExponential(2), ends.length > 0 ? ends.map((v) => v.toExponential(2)).join(', ') : '—', ratio === undefined ? '—' : `×${ratio.toFixed(2)}`]);
    if (ratio !== undefined) changes.push(`${s.label}: √v̄ ${ratio > 1 ? 'rose' : 'fell'} ×${ratio.toFixed(2)} from step 1 to the last step, so its effective decay λ/√v̄ ${ratio > 1 ? 'shrank' : 'grew'} by that factor`);
  }
  out.push(vbarTable.length > 0 ? markdownTable(['setting', '√v̄ at step 1 (seed 1)', '√v̄ at the last step (each seed)', 'last / step 1 (mean over seeds)'], vbarTable) : 'No AdamS run finished.', '');
  out.push(`AdamS divides its decay by √v̄, the root of the mean bias-corrected second moment over the whole model (Algorithm 2): where √v̄ falls the effective decay λ/√v̄ grows, where it rises the decay shrinks.${changes.length > 0 ? ` Here — ${changes.join('; ')}.` : ''}`, '');

  out.push('## Figures', '');
  const gnRows = epochRows(all, evalByEpoch((e) => e.trainGradNorm));
  const accRows = epochRows(all, evalByEpoch((e) => e.accuracy, 100));
  out.push(await settingFigure(ctx, 'gradient-norm', { title: 'full-batch ‖∇L‖ over a fixed training subset', subtitle: 'mean cross-entropy, no regularizer, eval-mode BN; band: ± one std over seeds', x: 'epoch', y: '‖∇L‖', log: true, data: gnRows, caption: 'Full-batch gradient norm after every epoch (lr ×0.1 for the last two).' }), '');
  out.push(await testAccuracyFigure(ctx, accRows, 'band: ± one std over seeds'), '');
  if (vbarRows.length > 0) out.push(await settingFigure(ctx, 'sqrt-vbar', { title: 'AdamS √v̄ over training', subtitle: 'mean over seeds', x: 'step', y: '√v̄', log: true, data: vbarRows, caption: 'AdamS\'s √v̄ at every step.' }), '');
  return `${out.join('\n')}\n`;
}


export const experiment: Experiment = {
  name: 'adams-gradient-norm',
  title: 'AdamS keeps the final gradient norm small (SWD Figs. 2 and 4)',
  summary: 'SWD Figs. 2 and 4: full-batch gradient norm after the lr drop and test accuracy of AdamS, AdamW and Adam at λ and λ ×10, 3 seeds, √v̄ logged; ResNet-8 on 5,000 CIFAR-10 images',
  data: ['cifar10'],
  sweeps: { full: ['adams.yaml'], quick: ['quick-adams.yaml'] },
  fullCost: '≈ 3.5 h on one loaded core (15 runs of 400 steps, ≈ 14 min each with a gradient norm over 2,000 images at every epoch); ≈ 1 h 45 min on 2 cores',
  report,
};
