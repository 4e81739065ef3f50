/**
 * Runs `mem-probe.ts` `runs` times per engine, each in a fresh process (sequentially), and prints the
 * median and range of maxRSS plus the median of the largest arrayBuffers sample seen after backward.
 *
 *   tsx --conditions=source apps/bench/scripts/mem-probe-runs.ts [runs=5] [steps=13] [engines=gapkit-auto,gapkit-wasm]
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 5);
const steps = Number(process.argv[3] ?? 13);
const engines = (process.argv[4] ?? 'gapkit-auto,gapkit-wasm').split(',');
const probe = fileURLToPath(new URL('./mem-probe.ts', import.meta.url));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Row {
  fwd: { rss: number; ab: number };
  bwd: { rss: number; ab: number };
  ms: number;
}
for (const engine of engines) {
  const peaks: number[] = [];
  const abMax: number[] = [];
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const out = execFileSync(process.execPath, [...process.execArgv, probe, engine, String(steps), '--json'], { encoding: 'utf8' });
    const j = JSON.parse(out.trim().split('\n').at(-1)!) as { maxRss: number; rows: Row[] };
    peaks.push(j.maxRss);
    abMax.push(Math.max(...j.rows.map((x) => Math.max(x.fwd.ab, x.bwd.ab))));
    ms.push(median(j.rows.slice(3).map((x) => x.ms)));
  }
  const f = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
  console.log(
    `${engine}: maxRSS median ${median(peaks).toFixed(1)} MiB [${f(peaks)}] | max arrayBuffers median ${median(abMax).toFixed(0)} [${f(abMax)}] | step ${median(ms).toFixed(0)} ms`,
  );
}
