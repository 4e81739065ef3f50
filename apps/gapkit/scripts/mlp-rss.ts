/**
 * Resident memory of a small MLP training loop after 10 and after 1,000 steps (issue #2: it must not
 * grow). Run: `pnpm exec tsx --conditions=source apps/gapkit/scripts/mlp-rss.ts [steps]`. Uses the embedded
 * digits, an MLP 784→128→10 and Adam; prints RSS and heap at each checkpoint after a forced GC when
 * node runs with --expose-gc (the script re-launches itself with it).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { crossEntropy, Rng, tensor } from '@gapkit/autodiff';
import { Batcher } from '@gapkit/data';
import { loadEmbeddedDigits } from '@gapkit/data/node';
import { Mlp } from '@gapkit/model-zoo';
import { Adam } from '@gapkit/optimizers';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  const r = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}

const total = Number(process.argv[2] ?? 1000);
const checkpoints = new Set([10, 100, 500, total]);
const { train } = loadEmbeddedDigits();
const model = new Mlp({ inFeatures: 784, hidden: [128], numClasses: 10 }, new Rng(1));
const opt = new Adam(model.parameters(), { lr: 1e-3 });
const batches = new Batcher(train, { batchSize: 64, rng: new Rng(2) });
const mib = (b: number): string => (b / 2 ** 20).toFixed(1);
let step = 0;
while (step < total) {
  for (const b of batches.epoch()) {
    opt.zeroGrad();
    const loss = crossEntropy(model.forward(tensor(b.x, b.shape)), b.y);
    loss.backward();
    opt.step();
    step++;
    if (checkpoints.has(step)) {
      gc?.();
      const m = process.memoryUsage();
      console.log(`step ${String(step).padStart(5)}: rss ${mib(m.rss)} MiB, heapUsed ${mib(m.heapUsed)} MiB, arrayBuffers ${mib(m.arrayBuffers)} MiB, loss ${loss.item().toFixed(4)}`);
    }
    if (step >= total) break;
  }
}
