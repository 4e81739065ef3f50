#!/usr/bin/env node
/**
 * `pnpm test:props [--runs N] [--seed S]`: every fast-check property of the workspace (files named
 * `*.prop.test.ts`, the optimizer laws in `test/laws/`, and the kit's own tests) run N times each
 * (default 500) from one seed (random unless given), printed first so any failure can be replayed with
 * `FC_SEED=S FC_NUM_RUNS=N`. fast-check prints the seed and path of a failing case itself as well.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const usage = 'usage: pnpm test:props [--runs N] [--seed S]';
let values;
try {
  ({ values } = parseArgs({ options: { runs: { type: 'string', default: '500' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
} catch (e) {
  console.error(`test:props: ${e.message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`test:props: --runs takes a positive integer, got '${values.runs}'\n${usage}`);
  process.exit(2);
}
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
if (!Number.isInteger(Number(seed))) {
  console.error(`test:props: --seed takes an integer, got '${seed}'\n${usage}`);
  process.exit(2);
}
console.log(`test:props: ${runs} runs per property, seed ${seed} (replay: FC_SEED=${seed} FC_NUM_RUNS=${runs})`);
const env = { ...process.env, FC_SEED: seed, FC_NUM_RUNS: String(runs) };
const filters = ['.prop.test.ts', 'test/laws/', 'optimizer-kit', 'test/kit/'];
const r = spawnSync('pnpm', ['-r', '--workspace-concurrency=1', 'exec', 'vitest', 'run', '--passWithNoTests', ...filters], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
