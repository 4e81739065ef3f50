/**
 * The schedule: kernels (matmul, conv) run in one long-lived child per engine, interleaved round by
 * round in a shuffled engine order; each training run is a fresh child per engine and round, so its
 * peak RSS is that run's own.
 */
import { COMPILED_ENGINES, COMPILED_SUFFIX, COMPILED_WORKLOAD, compiledUnavailable } from './compiled.js';
import { EngineProcess } from './engine-process.js';
import type { RunSettings } from './settings.js';
import { shuffled } from './stats.js';
import { freshProcess, runsOn, type Workload } from './workloads.js';

/** Everything measured for one (workload, engine). */
export interface Measurement {
  readonly workload: string;
  readonly engine: string;
  readonly times: number[];
  readonly warmupMs: number[];
  rounds: number;
  peakRssMb?: number;
  error?: string;
}

export type Log = (line: string) => void;

function entry(all: Map<string, Measurement>, workload: string, engine: string): Measurement {
  const key = `${workload}\u0000${engine}`;
  let m = all.get(key);
  if (m === undefined) {
    m = { workload, engine, times: [], warmupMs: [], rounds: 0 };
    all.set(key, m);
  }
  return m;
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(2);
}

/** Runs every workload on every engine; returns measurements and each engine's last describe(). */
export async function runAll(
  workloads: readonly Workload[],
  engines: readonly string[],
  s: RunSettings,
  log: Log,
): Promise<{ measurements: Measurement[]; describes: Record<string, Record<string, Record<string, string>>> }> {
  const all = new Map<string, Measurement>();
  /** engine → workload → describe() after the engine's last run of that workload. */
  const describes: Record<string, Record<string, Record<string, string>>> = {};
  const remember = (e: string, w: string, d: Record<string, string>) => {
    describes[e] ??= {};
    describes[e][w] = d;
  };
  const kernelsW = workloads.filter((w) => !freshProcess(w));
  const trainW = workloads.filter(freshProcess);

  if (kernelsW.length > 0) {
    const procs = new Map<string, EngineProcess>();
    for (const e of engines) {
      try {
        const p = await EngineProcess.start(e);
        procs.set(e, p);
        log(`engine ${e}: ${JSON.stringify(p.describe)}`);
      } catch (err) {
        log(`engine ${e}: FAILED to start: ${String(err)}`);
      }
    }
    let seed = 1;
    for (const w of kernelsW) {
      const slow = new Set<string>();
      for (let r = 0; r < s.rounds; r++) {
        for (const e of shuffled([...procs.keys()], seed++)) {
          if (r > 0 && slow.has(e)) continue;
          if (!runsOn(w, e)) continue;
          const m = entry(all, w.name, e);
          if (m.error) continue;
          try {
            const res = await procs.get(e)!.run(w.name, r === 0 ? s.warmup : 0, s);
            m.times.push(...res.times);
            m.warmupMs.push(...res.warmupMs);
            m.rounds++;
            if (Math.min(...res.times) > s.slowMs) slow.add(e);
            remember(e, w.name, res.describe);
            log(`[${w.name}] round ${r + 1}/${s.rounds} ${e}: ${res.times.map(fmt).join(' ')} ms`);
          } catch (err) {
            m.error = String(err);
            log(`[${w.name}] ${e}: ERROR ${m.error}`);
          }
        }
      }
    }
    for (const p of procs.values()) await p.close();
  }

  // the compiled twins (compiled.ts) join the training runs when the build exists
  const noBuild = compiledUnavailable();
  const twins = engines.filter((e) => COMPILED_ENGINES.includes(e)).map((e) => `${e}${COMPILED_SUFFIX}`);
  if (twins.length > 0 && trainW.some((w) => w.name === COMPILED_WORKLOAD) && noBuild !== null) log(`engines ${twins.join(', ')}: SKIPPED: ${noBuild}`);
  const trainEngines = noBuild === null ? [...engines, ...twins] : engines;
  let seed = 100;
  for (const w of trainW) {
    const slow = new Set<string>();
    const ws = w.kind === 'epoch' ? s.epoch : s.train;
    for (let r = 0; r < ws.rounds; r++) {
      for (const e of shuffled(trainEngines, seed++)) {
        if (r > 0 && slow.has(e)) continue;
        if (!runsOn(w, e)) continue;
        const m = entry(all, w.name, e);
        if (m.error) continue;
        let p: EngineProcess | null = null;
        try {
          p = await EngineProcess.start(e);
          const res = await p.run(w.name, ws.warmup, ws);
          m.times.push(...res.times);
          m.warmupMs.push(...res.warmupMs);
          m.rounds++;
          m.peakRssMb = Math.max(m.peakRssMb ?? 0, res.peakRssMb);
          if (Math.min(...res.times) > ws.slowMs) slow.add(e);
          remember(e, w.name, res.describe);
          log(`[${w.name}] round ${r + 1}/${ws.rounds} ${e}: ${res.times.map(fmt).join(' ')} ms, peak RSS ${res.peakRssMb.toFixed(0)} MiB`);
        } catch (err) {
          m.error = String(err);
          log(`[${w.name}] ${e}: ERROR ${m.error}`);
        } finally {
          await p?.close();
        }
      }
    }
  }
  return { measurements: [...all.values()], describes };
}
