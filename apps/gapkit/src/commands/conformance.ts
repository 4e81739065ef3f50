/**
 * `gapkit conformance <files or folders…>`: runs golden-trajectory cases (the shared conformance folder
 * format) and prints one line per case, then `N passed, N failed`. Exit code 1 if any case fails.
 */
import { type Command, UsageError } from '../command.js';
import { collectCaseFiles, formatResult, runCaseFile } from '../conformance/run.js';

const usage = `usage: gapkit conformance <file.json | folder>…   (from the repo root: pnpm conformance <paths>)

Runs conformance cases (format: ../shared/conformance/README.md): replay cases apply the optimizer to
recorded gradients; closed-loop cases build the described model with the engine. Folders are searched
recursively for .json files. Prints one line per case (name, pass/FAIL, worst error as a fraction of
the tolerance), then "N passed, N failed". Exits 1 if any case fails, 2 on bad arguments.

options:
  --help, -h   this text

example:
  pnpm conformance ../shared/conformance`;

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
    if (args.length === 0) throw new UsageError('give at least one case file or folder');
    let files: string[];
    try {
      files = collectCaseFiles(args);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    let passed = 0;
    let failedCount = 0;
    for (const f of files) {
      const r = runCaseFile(f);
      console.log(formatResult(r));
      if (r.passed) passed++;
      else failedCount++;
    }
    console.log(`${passed} passed, ${failedCount} failed`);
    return failedCount > 0 ? 1 : 0;
  },
};
