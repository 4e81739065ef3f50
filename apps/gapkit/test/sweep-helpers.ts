/** Running `gapkit` as a child process (from sources, through tsx's loader) for the sweep tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const tsxLoader = pathToFileURL(fileURLToPath(new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url))).href;

export interface Cli {
  readonly child: ChildProcess;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (null when killed) and signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node --import tsx/loader cli.ts ARGS` — node itself, so a signal reaches gapkit's process, not a wrapper. */
export function gapkit(args: readonly string[], onLine?: (line: string) => void): Cli {
  const child = spawn(process.execPath, ['--import', tsxLoader, '--conditions=source', cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let pending = '';
  const take = (b: Buffer) => {
    const s = b.toString();
    out += s;
    pending += s;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const l of lines) onLine?.(l);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => out, exited };
}

/**
 * A tiny sweep on the embedded digits: by default 2 learning rates × 2 seeds of a small MLP on
 * one-thread wasm, plus one learning rate (1e30) whose loss turns NaN at step 2 — a real failure.
 */
export function writeTinySweep(dir: string, steps: number, lrs: readonly number[] = [0.1, 0.03, 1e30]): string {
  const file = join(dir, 'tiny.yaml');
  writeFileSync(
    file,
    [
      'name: tiny',
      'base:',
      '  model: { name: mlp, options: { hidden: [32] } }',
      '  dataset: { name: digits, trainSize: 300 }',
      '  optimizer: { name: padam }',
      '  batchSize: 20',
      '  epochs: 50',
      `  maxSteps: ${steps}`,
      '  evalEvery: 20',
      '  checkpointEvery: 5',
      '  keepLast: 2',
      'axes:',
      `  optimizer.options.lr: [${lrs.join(', ')}]`,
      'seeds: [1, 2]',
      'metrics: [accuracy, loss, trainLoss]',
      '',
    ].join('\n'),
  );
  return file;
}
