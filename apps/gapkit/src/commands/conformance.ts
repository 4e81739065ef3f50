/**
 * `gapkit conformance <files or folders…>`: a thin wrapper over @gapkit/conformance. It reads the
 * named `.json` files (folders recursively), runs each case, prints one line per case, then
 * `N passed, N failed`. Exit code 1 if any case fails, 2 on bad arguments.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatResult, runCaseText } from '@gapkit/conformance';
import { type Command, UsageError } from '../command.js';

const usage = `usage: gapkit conformance <file.json | folder>…   (from the repo root: pnpm conformance <paths>)

Runs conformance cases (format: docs/conformance/README.md, JSON Schema: docs/conformance/case.schema.json):
replay cases apply the optimizer to recorded gradients; closed-loop cases build the described model with
the engine. Folders are searched recursively for .json files. Prints one line per case (name, pass/FAIL,
worst error as a fraction of the tolerance), then "N passed, N failed". Exits 1 if any case fails, 2 on
bad arguments.

options:
  --help, -h   this text

example:
  pnpm conformance cases/ more/adam.json`;

/** Every `.json` file named, or found (sorted, recursively) in a named folder. */
export function collectCaseFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) throw new UsageError(`conformance: ${p}: no such file or folder`);
    if (st.isDirectory()) {
      const entries = readdirSync(p).sort();
      out.push(...collectCaseFiles(entries.filter((e) => e.endsWith('.json') || statSync(join(p, e)).isDirectory()).map((e) => join(p, e))));
    } else out.push(p);
  }
  return out;
}

export const command: Command = {
  name: 'conformance',
  summary: 'check optimizers against golden trajectories (case files or folders)',
  usage,
  async run(args: readonly string[]): Promise<number> {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(usage);
      return 0;
    }
    const unknown = args.find((a) => a.startsWith('-'));
    if (unknown) throw new UsageError(`conformance: unknown option '${unknown}'`);
    if (args.length === 0) throw new UsageError('conformance: give at least one case file or folder');
    let passed = 0;
    let failedCount = 0;
    for (const f of collectCaseFiles(args)) {
      let text: string;
      try {
        text = readFileSync(f, 'utf8');
      } catch (e) {
        console.log(`${f}  FAIL  error: ${f}: cannot be read (${(e as Error).message})`);
        failedCount++;
        continue;
      }
      const r = runCaseText(text, f);
      console.log(formatResult(r));
      if (r.passed) passed++;
      else failedCount++;
    }
    console.log(`${passed} passed, ${failedCount} failed`);
    return failedCount > 0 ? 1 : 0;
  },
};
