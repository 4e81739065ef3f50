/**
 * Engine child process: builds one engine, then runs workloads on request, timing each repetition
 * (warm-up first, then up to `maxReps` or until `budgetMs` is spent, at least one) and reporting the
 * process's peak RSS. Exits when asked or when the parent goes away.
 */
import type { Engine, Prepared } from './engine.js';
import { createEngine } from './engines.js';
import type { Reply, Request } from './protocol.js';
import { workloadByName } from './workloads.js';

let engine: Engine | null = null;
let current: { name: string; prepared: Prepared } | null = null;

function send(r: Reply): void {
  process.send?.(r);
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

async function timed(p: Prepared): Promise<number> {
  const t0 = performance.now();
  await p.run();
  const t = performance.now() - t0;
  return p.ownMs ? p.ownMs() : t;
}

async function handle(req: Request): Promise<void> {
  if (req.type === 'exit') {
    current?.prepared.dispose();
    engine?.dispose();
    process.exit(0);
  }
  if (req.type === 'init') {
    engine = await createEngine(req.engine);
    send({ type: 'ready', describe: engine.describe() });
    return;
  }
  if (engine === null) throw new Error('run before init');
  if (current?.name !== req.workload) {
    current?.prepared.dispose();
    current = { name: req.workload, prepared: await engine.prepare(workloadByName(req.workload)) };
  }
  const p = current.prepared;
  const warmupMs: number[] = [];
  const times: number[] = [];
  for (let i = 0; i < req.warmup; i++) {
    const t = await timed(p);
    if (t > req.reuseWarmupMs) {
      times.push(t); // minutes-long steps: compilation is noise next to them, and one is all we can afford
      break;
    }
    warmupMs.push(t);
    if (t > req.warmupCapMs) break;
  }
  const start = performance.now();
  while (times.length === 0 || (times.length < req.maxReps && performance.now() - start < req.budgetMs)) times.push(await timed(p));
  send({ type: 'result', times, warmupMs, describe: { ...engine.describe(), ...p.describe?.() }, peakRssMb: p.ownPeakRssMb?.() ?? peakRssMb() });
}

process.on('message', (msg: Request) => {
  handle(msg).catch((e: unknown) => {
    send({ type: 'error', message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
  });
});
process.on('disconnect', () => process.exit(0));
