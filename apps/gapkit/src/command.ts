/**
 * A `gapkit` subcommand. Each lives in `commands/<name>.ts` and exports `command`.
 * `run` returns the process exit code; it prints its own `--help` text from `usage`.
 */
export interface Command {
  /** The word after `gapkit`, e.g. `models`. */
  readonly name: string;
  /** One line for `gapkit --help`. */
  readonly summary: string;
  /** Full help: synopsis, arguments, options with defaults, an example. */
  readonly usage: string;
  run(args: readonly string[]): Promise<number>;
}

/** Thrown for bad command-line input; the CLI prints the message and the command's usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
