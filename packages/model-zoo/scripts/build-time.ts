/**
 * Full-size build time of the models whose builders use a non-default initializer (plus ResNet-18 as
 * a default-init reference). Not a test: run by hand, e.g.
 *   npx tsx --conditions=source packages/model-zoo/scripts/build-time.ts [reps]
 * Prints the median wall time of `reps` builds (default 3) per model.
 */
import { Rng } from '@gapkit/autodiff';
import { MODELS, type ModelName } from '../src/index.js';

const reps = Number(process.argv[2] ?? 3);
const cases: Array<[ModelName, Record<string, unknown>]> = [
  ['wrn', {}], // WRN-28-10, Kaiming fan-in
  ['wrn-ndadam', { depth: 28, widenFactor: 10 }],
  ['wrn-ndadam-tf', {}], // WRN-22-7.5, N(0, 1/fan_in)
  ['wrn-padam', {}], // He fan-out
  ['ncf-mlp', { numUsers: 6040, numItems: 3706 }], // N(0, 0.01²), Glorot, LeCun
  ['neumf', { numUsers: 6040, numItems: 3706 }],
  ['resnet18', {}], // PyTorch default init throughout
];
for (const [name, opts] of cases) {
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    MODELS[name].build(opts as never, new Rng(1));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${name.padEnd(14)} ${JSON.stringify(opts).padEnd(38)} ${median.toFixed(0).padStart(6)} ms  (min ${times[0].toFixed(0)})`);
}
