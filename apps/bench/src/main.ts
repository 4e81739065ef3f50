/**
 * `pnpm bench`: gapkit's backends against TF.js on matmul, conv and two training steps, one command,
 * one run. See `--help`.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { HELP, parseArgs, UsageError } from './args.js';
import { unavailableReason } from './engines.js';
import { DATA_DIR_ENV, epochDataUnavailable } from './epoch.js';
import { autoVsCpu, summarize, table, targets } from './report.js';
import { optimizerSection } from './optim/report.js';
import { runAll } from './runner.js';
import { FULL, QUICK } from './settings.js';
import { runTrainerWorkloads, trainerTable } from './trainer-workloads.js';
import { WORKLOADS } from './workloads.js';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  const settings = args.quick ? QUICK : FULL;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const engines: string[] = [];
  const skipped: Record<string, string> = {};
  for (const e of args.engines) {
    const why = await unavailableReason(e);
    if (why === null) engines.push(e);
    else {
      skipped[e] = why;
      log(`engine ${e}: SKIPPED: ${why}`);
    }
  }
  process.env[DATA_DIR_ENV] = args.dataDir; // the engine children inherit it
  const workloads = WORKLOADS.filter((w) => {
    if (!args.workloads.includes(w.name)) return false;
    const why = w.kind === 'epoch' ? epochDataUnavailable(args.dataDir) : null;
    if (why !== null) {
      skipped[w.name] = why;
      log(`workload ${w.name}: SKIPPED: ${why}`);
    }
    return why === null;
  });
  const started = new Date();
  const load0 = os.loadavg();
  log(`pnpm bench${args.quick ? ' --quick' : ''}: ${workloads.length} workloads × ${engines.length} engines, ${os.cpus().length} cores, load ${load0.map((x) => x.toFixed(2)).join(' ')}`);
  const t0 = performance.now();
  const { measurements, describes } = await runAll(workloads, engines, settings, log);
  const rows = summarize(measurements);
  const trainerRows = await runTrainerWorkloads(args.workloads, args.quick, log);
  const load1 = os.loadavg();
  const elapsed = (performance.now() - t0) / 1000;

  const out: string[] = [];
  out.push(`## pnpm bench${args.quick ? ' --quick' : ''} — ${started.toISOString()}, ${elapsed.toFixed(0)} s, Node ${process.version}, ${os.cpus().length} cores`);
  out.push('');
  out.push(table(workloads, rows));
  out.push('');
  if (trainerRows.length > 0) out.push(...trainerTable(trainerRows), '');
  out.push('Speed-ups are peer median / engine median (> 1× = faster than the peer). conv rates count fwd+bwd as 3× the forward FLOPs.');
  out.push('gapkit conv rows call the backend kernels (conv2d, conv2dBackpropInput, conv2dBackpropFilter); TF.js conv fwd+bwd is tf.grads of sum(conv2d(x, w)·dy).');
  out.push('TF.js peers get the same tf.customGrad workarounds: conv2d filter gradient = transpose(im2col(x))·dy (pad/stridedSlice/concat/transpose/matMul; tfjs-wasm has no Conv2DBackpropFilter, tfjs-cpu\'s is pathologically slow), input gradient = the stock Conv2DBackpropInput kernel, embedding (gather) gradient = scatterND (tfjs-wasm has no UnsortedSegmentSum). Gradients come from tfjs-core\'s register_all_gradients.');
  out.push(`Load average (1/5/15 min) at start ${load0.map((x) => x.toFixed(2)).join(' ')}, at end ${load1.map((x) => x.toFixed(2)).join(' ')}: other processes share these ${os.cpus().length} cores, so read ratios, not absolute times.`);
  for (const [e, why] of Object.entries(skipped)) out.push(`Skipped ${e}: ${why}`);
  out.push('');
  out.push('### Targets (gapkit-auto, the default backend)');
  out.push(...targets(rows, 'gapkit-auto'));
  out.push('');
  const optim = optimizerSection(rows);
  if (optim.length > 0) out.push('### Optimizer updates (gapkit-cpu)', ...optim, '');
  out.push('### auto vs the cpu backend');
  out.push(...autoVsCpu(rows));
  out.push('');
  out.push('### Backends in use (describe() after the training run; every workload\'s is in the JSON)');
  for (const [e, byWorkload] of Object.entries(describes)) {
    const w = byWorkload['train-resnet8-b64'] ? 'train-resnet8-b64' : Object.keys(byWorkload).at(-1)!;
    out.push(`- ${e} @ ${w}: ${Object.entries(byWorkload[w]).map(([k, v]) => `${k}=${v}`).join('; ')}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);

  if (args.json) {
    const doc = {
      results: rows,
      meta: {
        started: started.toISOString(),
        elapsedSeconds: elapsed,
        quick: args.quick,
        node: process.version,
        cores: os.cpus().length,
        loadAverage: { start: load0, end: load1 },
        settings,
        skipped,
        engines: describes,
        trainer: trainerRows,
      },
    };
    writeFileSync(args.json, `${JSON.stringify(doc, null, 2)}\n`);
    log(`wrote ${args.json}`);
  }
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) {
    process.stderr.write(`pnpm bench: ${e.message} (see pnpm bench --help)\n`);
    process.exit(2);
  }
  process.stderr.write(`pnpm bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
