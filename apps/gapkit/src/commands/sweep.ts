/**
 * `gapkit sweep FILE`: a grid of run configs × seeds, each run keyed by the hash of its resolved
 * config in its own folder under the sweep's folder — on a local pool of worker processes (default),
 * or on a BullMQ queue in Redis (`--queue redis://HOST:PORT`) for `gapkit worker`s on any machine.
 * Finished runs are skipped on a re-run and interrupted ones resume; the results are aggregated into
 * `sweep.md` (mean ± std over seeds per grid point, each seed) with overlaid plots with seed bands.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../args.js';
import { type Command, UsageError } from '../command.js';
import { gridTable, summarizePoints } from '../sweep/aggregate.js';
import { expandSweep } from '../sweep/expand-sweep.js';
import { defaultWorkers } from '../sweep/local-pool.js';
import { checkQueueReachable, parseQueueUrl } from '../sweep/queue-connection.js';
import { activeKeys, awaitRuns, enqueueRuns, openQueue } from '../sweep/queue-owner.js';
import { outcomeSaver, runSweepLocally } from '../sweep/run-sweep-locally.js';
import { readSweepFile, SWEEP_DEFAULT_BACKEND } from '../sweep/sweep-file.js';
import { SweepFolder } from '../sweep/sweep-folder.js';
import { SweepProgress } from '../sweep/sweep-progress.js';
import { writeSweepReport } from '../sweep/sweep-report.js';
import { statusText, sweepStatus } from '../sweep/sweep-status.js';
import { DEFAULT_DATA_DIR } from '../train/train-flags.js';
import { seedRounds } from '../sweep/seed-rounds.js';

const usage = `usage: gapkit sweep FILE [--out DIR] [--workers N] [--queue redis://HOST:PORT] [--status]

Runs a sweep file: a base run config (what \`gapkit train --config\` accepts), axes over any config
path, seeds, and the metrics to aggregate. Each run (grid point × seed) is keyed by the hash of its
resolved config and trained in DIR/runs/<key>/ (a \`gapkit train\` run folder). Finished runs are
skipped when the sweep runs again; interrupted ones resume from their last checkpoint. At the end:
DIR/sweep.md (per grid point: mean ± std over seeds, and each seed), one plot per metric with a
band over the seeds (<metric>.vl.json + .png), results/<key>.json per run.

sweep file (YAML):
  name: padam-p-digits                    (default: the file's name)
  base: { model: { name: mlp }, dataset: { name: digits }, optimizer: { name: padam }, maxSteps: 300 }
                                          (or the path of a config file; backend defaults to wasm, one thread)
  axes: { optimizer.options.p: [0.25, 0.125, 0.0625] }
  seeds: [1, 2, 3]
  metrics: [accuracy, loss, trainLoss]    (of accuracy, loss, ece, logitNorm, hitRate, ndcg, trainLoss)

options:
  --out DIR        the sweep's folder (default runs/sweeps/<name>)
  --workers N      local worker processes (default: one per core, os.availableParallelism() = ${defaultWorkers()})
  --queue URL      put the runs on the BullMQ queue in Redis at redis://HOST:PORT instead; start
                   \`gapkit worker --queue URL --runs-dir DIR\` on any machine to train them. Results come
                   back through the queue (job return values) into this sweep's folder.
  --status         print done / running / failed / waiting and an ETA, and exit
  --data-dir DIR   folder holding <dataset>/ for local runs (default ${DEFAULT_DATA_DIR})
  --quiet          no progress lines

example: pnpm gapkit sweep apps/gapkit/sweeps/padam-p-digits.yaml`;

const SPECS = {
  out: { kind: 'string' },
  workers: { kind: 'int', min: 1, max: 1024 },
  queue: { kind: 'string' },
  status: { kind: 'flag' },
  'data-dir': { kind: 'string', default: DEFAULT_DATA_DIR },
  quiet: { kind: 'flag' },
} as const;

export const command: Command = {
  name: 'sweep',
  summary: 'a grid of configs × seeds on every core here, or on workers anywhere through a Redis queue (BullMQ); mean ± std and seed bands',
  usage,
  async run(args) {
    const { options: o, positionals } = parseArgs(args, SPECS);
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'give the sweep file' : `one sweep file, got ${positionals.length} arguments`);
    if (o.queue !== undefined && o.workers !== undefined) throw new UsageError('--workers is for local sweeps; with --queue, start as many `gapkit worker`s as you like');
    const sweep = readSweepFile(positionals[0]);
    const runs = expandSweep(sweep);
    const address = o.queue === undefined ? null : parseQueueUrl(o.queue);
    if (address) await checkQueueReachable(address);
    const folder = new SweepFolder(o.out ?? join('runs', 'sweeps', sweep.name));
    const say = (s: string) => {
      if (!o.quiet) console.log(s);
    };

    if (o.status) {
      if (!existsSync(folder.dir)) {
        console.log(`sweep ${sweep.name}: not started (no folder ${folder.dir})`);
        return 0;
      }
      let running: Set<string>;
      let workers = o.workers ?? defaultWorkers();
      if (address) {
        const queue = openQueue(address);
        try {
          running = await activeKeys(queue, runs);
          workers = Math.max(1, await queue.getWorkersCount());
        } finally {
          await queue.close();
        }
      } else running = new Set(runs.filter((r) => folder.started(r.key)).map((r) => r.key));
      console.log(statusText(sweep.name, runs, sweepStatus(runs, folder, running, workers)));
      return 0;
    }

    const backend = String(sweep.base.backend);
    if (backend !== SWEEP_DEFAULT_BACKEND && backend !== 'cpu' && backend !== 'cpu-reference') {
      console.error(`gapkit sweep: note: base.backend '${backend}' may use more than one thread per run; parallel runs may fight over the cores (the sweep default is '${SWEEP_DEFAULT_BACKEND}', one thread)`);
    }
    if (!address) {
      const r = await runSweepLocally(sweep, { out: folder.dir, workers: o.workers, dataDir: o['data-dir'], say });
      say(`\n${gridTable(summarizePoints(runs, r.results, sweep.metrics), sweep.metrics)}`);
      const failed = runs.filter((x) => !r.results.has(x.key)).length;
      if (failed > 0) console.error(`gapkit sweep: ${failed} of ${runs.length} runs failed (see ${join(folder.dir, 'sweep.md')})`);
      return failed > 0 ? 1 : 0;
    }
    folder.init(sweep, runs);
    folder.clearFailures();
    const done = folder.results();
    const todo = seedRounds(runs.filter((r) => !done.has(r.key)));
    const progress = new SweepProgress(runs.length, runs.length - todo.length, sweep.metrics, say);
    const onOutcome = outcomeSaver(runs, folder, progress);
    if (todo.length < runs.length) say(`sweep ${sweep.name}: ${runs.length - todo.length} of ${runs.length} runs already finished; skipping them`);
    const queue = openQueue(address);
    try {
      const { added, existing } = await enqueueRuns(queue, sweep.name, todo);
      say(`sweep ${sweep.name}: ${todo.length} runs on the queue at ${address.url} (${added} added, ${existing} already there); waiting for \`gapkit worker --queue ${address.url}\``);
      await awaitRuns(queue, todo, onOutcome);
    } finally {
      await queue.close();
    }
    const results = folder.results();
    const failures = folder.failures();
    await writeSweepReport(folder.dir, sweep, runs, results, failures);
    say(`\n${gridTable(summarizePoints(runs, results, sweep.metrics), sweep.metrics)}\n\nwrote ${join(folder.dir, 'sweep.md')}`);
    const failed = runs.filter((r) => !results.has(r.key)).length;
    if (failed > 0) console.error(`gapkit sweep: ${failed} of ${runs.length} runs failed (see ${join(folder.dir, 'sweep.md')})`);
    return failed > 0 ? 1 : 0;
  },
};
