#!/usr/bin/env node
/**
 * `gapkit <command> [options]`: the command-line entry. Commands load lazily, so a command whose
 * dependencies fail to load (e.g. a gpu.js native build) never breaks the others.
 */
import type { Command } from './command.js';
import { UsageError } from './command.js';

interface Entry {
  readonly summary: string;
  readonly load: () => Promise<{ command: Command }>;
}

const COMMANDS: Record<string, Entry> = {
  demo: { summary: 'train a small MLP on embedded handwritten digits with several optimizers (no download)', load: () => import('./commands/demo.js') },
  train: { summary: 'train a model on a data set with one optimizer: run folder, metrics, plots, checkpoints, --resume', load: () => import('./commands/train.js') },
  compare: { summary: 'several optimizer presets on one task from the same initialization and batch order', load: () => import('./commands/compare.js') },
  eval: { summary: 'evaluate a checkpoint on a split: loss, accuracy, ECE, logit norm; HR@K / NDCG@K for NCF', load: () => import('./commands/eval.js') },
  sweep: { summary: 'a grid of configs × seeds on every core here, or on `gapkit worker`s anywhere through Redis (BullMQ)', load: () => import('./commands/sweep.js') },
  experiment: { summary: "reproduce a paper's effect: sweeps over seeds, then a report with the claim, gapkit, PyTorch and a verdict", load: () => import('./commands/experiment.js') },
  worker: { summary: 'train sweep runs from a Redis queue (BullMQ) on this machine; results go back through the queue', load: () => import('./commands/worker.js') },
  models: { summary: 'list every model and variant with its parameter count', load: () => import('./commands/models.js') },
  conformance: { summary: 'check optimizers against golden trajectories (case files or folders)', load: () => import('./commands/conformance.js') },
  data: { summary: 'list what a data dir holds, download official archives, verify checksums (list | download | verify)', load: () => import('./commands/data.js') },
  download: { summary: 'the same as `gapkit data download`: fetch and verify an official data set archive', load: () => import('./commands/download.js') },
  backends: { summary: 'describe the compute backends available here and which one serves each kernel', load: () => import('./commands/backends.js') },
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = Object.entries(COMMANDS).map(([name, e]) => `  ${name.padEnd(width)}  ${e.summary}`);
  return [
    'gapkit — optimizers that close the generalization gap, on a small TypeScript autodiff engine',
    '',
    'usage: gapkit <command> [options]      (from the repo root: pnpm gapkit <command> …)',
    '',
    'commands:',
    ...lines,
    '',
    'Run `gapkit <command> --help` for a command\'s options.',
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(mainHelp());
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    console.error(`gapkit: unknown command '${name}' (expected one of: ${Object.keys(COMMANDS).join(', ')})\n`);
    console.error(mainHelp());
    return 2;
  }
  const { command } = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`gapkit ${name}: ${e.message}\n\n${command.usage}`);
      return 2;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? `gapkit: ${e.message}` : e);
    if (process.env.GAPKIT_DEBUG && e instanceof Error) console.error(e.stack);
    process.exitCode = 1;
  },
);
