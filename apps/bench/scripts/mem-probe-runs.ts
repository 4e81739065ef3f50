/**
 * Runs `mem-probe.ts` `runs` times per engine, each in a fresh process (sequentially), and prints the
 * median and range of maxRSS plus the median of the largest arrayBuffers sample seen after backward.
 *
 *   tsx --conditions=source apps/bench/scripts/mem-probe-runs.ts [runs=5] [steps=13] [engines=gapkit-auto,gapkit-wasm] [--against=DIR]
 *
 * With `--against=DIR` (another checkout of the repo, with its own `pnpm install`, e.g. a copy of the
 * commit before a change) each run of this tree's probe is followed by one of DIR's, and both are
 * summarized: alternating keeps a before/after comparison fair on a machine whose load drifts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const againstArg = process.argv.slice(2).find((a) => a.startsWith('--against='));
const runs = Number(positional[0] ?? 5);
const steps = Number(positional[1] ?? 13);
const engines = (positional[2] ?? 'gapkit-auto,gapkit-wasm').split(',');
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(steps) || steps < 1) {
  console.error(`mem-probe-runs: runs and steps must be positive integers, got ${positional[0]} and ${positional[1]}`);
  process.exit(2);
}
const probe = fileURLToPath(new URL('./mem-probe.ts', import.meta.url));
const trees: Array<{ label: string; probe: string }> = [{ label: 'this tree', probe }];
if (againstArg !== undefined) {
  const dir = resolve(againstArg.slice('--against='.length));
  const other = join(dir, 'apps/bench/scripts/mem-probe.ts');
  if (!existsSync(other)) {
    console.error(`mem-probe-runs: --against=${dir}: no apps/bench/scripts/mem-probe.ts there (expected a checkout of this repo)`);
    process.exit(2);
  }
  trees.push({ label: dir, probe: other });
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Row {
  fwd: { rss: number; ab: number };
  bwd: { rss: number; ab: number };
  ms: number;
}
interface Samples {
  peaks: number[];
  abMax: number[];
  ms: number[];
}
for (const engine of engines) {
  const samples: Samples[] = trees.map(() => ({ peaks: [], abMax: [], ms: [] }));
  for (let r = 0; r < runs; r++) {
    trees.forEach((tree, t) => {
      const out = execFileSync(process.execPath, [...process.execArgv, tree.probe, engine, String(steps), '--json'], { encoding: 'utf8' });
      const j = JSON.parse(out.trim().split('\n').at(-1)!) as { maxRss: number; rows: Row[] };
      samples[t].peaks.push(j.maxRss);
      samples[t].abMax.push(Math.max(...j.rows.map((x) => Math.max(x.fwd.ab, x.bwd.ab))));
      samples[t].ms.push(median(j.rows.slice(3).map((x) => x.ms)));
    });
  }
  const f = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
  trees.forEach((tree, t) => {
    const { peaks, abMax, ms } = samples[t];
    const who = trees.length > 1 ? ` (${tree.label})` : '';
    console.log(
      `${engine}${who}: maxRSS median ${median(peaks).toFixed(1)} MiB [${f(peaks)}] | max arrayBuffers median ${median(abMax).toFixed(0)} [${f(abMax)}] | step ${median(ms).toFixed(0)} ms`,
    );
  });
}
