/**
 * `gapkit data download <name>…` (and its old name `gapkit download`): fetches an official data set
 * archive, verifies the checksum its publisher (or a widely used loader) lists, extracts it into
 * `<data-dir>/<name>`, records the SHA-256 of every file for `gapkit data verify`, and refuses —
 * deleting the temporary file — when the checksum does not match. The logic lives in
 * `@gapkit/data/node`; this file is the CLI.
 */
import {
  DATASET_SOURCES,
  DEFAULT_DATA_DIR,
  DEFAULT_IDLE_TIMEOUT_SECONDS,
  type DatasetSource,
  downloadDataset,
  type ProgressStream,
} from '@gapkit/data/node';
import { closestName } from '@gapkit/autodiff';
import { parseArgs } from '../args.js';
import { type Command, UsageError } from '../command.js';

const NAMES = Object.keys(DATASET_SOURCES);

const SPECS = {
  'data-dir': { kind: 'string' },
  dir: { kind: 'string' },
  force: { kind: 'flag' },
  mirror: { kind: 'string' },
  timeout: { kind: 'number', min: 0 },
  list: { kind: 'flag' },
} as const;

/** The usage text, for `gapkit data download` or the alias `gapkit download`. */
export function downloadUsage(invocation: string): string {
  return `usage: ${invocation} <name>... [options]

Downloads official data set archives, checks each against its published checksum, and extracts them into
<data-dir>/<name>, with a SHA256SUMS of the extracted files (for \`gapkit data verify\`). A checksum
mismatch deletes the download and exits with status 1; nothing partial is left. An existing complete
<data-dir>/<name> is kept unless --force.

names:
${NAMES.map((n) => `  ${n.padEnd(16)}${DATASET_SOURCES[n].title}`).join('\n')}

options:
  --data-dir DIR     data root (default ${DEFAULT_DATA_DIR}); loaders read <data-dir>/<name>  (--dir DIR: the same)
  --force            replace an existing <data-dir>/<name>
  --mirror URL       fetch <URL>/<file name> instead of the official URL (same checksums)
  --timeout SECONDS  give up when no byte arrives for this long (default ${DEFAULT_IDLE_TIMEOUT_SECONDS})
  --list             print the URLs, checksums and their sources, and exit

example: ${invocation} cifar10 movielens-100k --data-dir data`;
}

function listing(): string {
  return NAMES.map((n) => {
    const s: DatasetSource = DATASET_SOURCES[n];
    const files = s.files.map((f) => `    ${f.url}\n      ${f.checksum.algorithm} ${f.checksum.value}  (${f.checksumSource})`);
    return [`${n}: ${s.title} — ${s.homepage}`, ...files, `    terms: ${s.terms}`].join('\n');
  }).join('\n\n');
}

/** `'x'` is not a data set: the message with the closest name and the valid ones. */
export function unknownDataset(name: string): UsageError {
  const near = closestName(name, NAMES);
  return new UsageError(`unknown data set '${name}'${near ? ` (did you mean '${near}'?)` : ''} (expected one of: ${NAMES.join(', ')})`);
}

/** Where the command writes: results to `stdout`, progress bars and errors to `stderr`. */
export interface DownloadStreams {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: ProgressStream;
}

/**
 * Runs a download with the given arguments (after `download`); `invocation` prefixes error lines.
 * @throws UsageError for bad arguments.
 */
export async function runDownload(args: readonly string[], streams: DownloadStreams, invocation: string): Promise<number> {
  const { options, positionals } = parseArgs(args, SPECS);
  if (options.list) {
    streams.stdout.write(`${listing()}\n`);
    return 0;
  }
  if (options['data-dir'] !== undefined && options.dir !== undefined && options['data-dir'] !== options.dir) {
    throw new UsageError(`--data-dir and --dir name the same option; got both ('${options['data-dir']}', '${options.dir}')`);
  }
  if (options.timeout !== undefined && options.timeout <= 0) throw new UsageError(`--timeout must be a number of seconds > 0, got ${options.timeout}`);
  if (positionals.length === 0) throw new UsageError(`name a data set to download (one of: ${NAMES.join(', ')})`);
  for (const name of positionals) if (!Object.hasOwn(DATASET_SOURCES, name)) throw unknownDataset(name);
  const dir = options['data-dir'] ?? options.dir ?? DEFAULT_DATA_DIR;
  for (const name of positionals) {
    const source = DATASET_SOURCES[name];
    streams.stderr.write(`${source.title}: ${source.terms}\n`);
    try {
      const result = await downloadDataset(source, {
        dir,
        force: options.force,
        mirror: options.mirror,
        progress: streams.stderr,
        idleTimeoutSeconds: options.timeout,
      });
      const what = result.status === 'present' ? 'already present' : `downloaded and verified (${result.files.length} files)`;
      streams.stdout.write(`${name}: ${what} in ${result.path}\n`);
    } catch (e) {
      // Checksum, network, timeout, archive and file-system errors all end this download with status 1.
      if (!(e instanceof Error)) throw e;
      streams.stderr.write(`${invocation} ${name}: ${e.message}\n`);
      return 1;
    }
  }
  return 0;
}

/** Builds the `gapkit download` alias on the given streams (tests pass captured ones). */
export function createDownloadCommand(streams: DownloadStreams): Command {
  return {
    name: 'download',
    summary: 'download and verify an official data set archive (CIFAR, MNIST, MovieLens); the same as `gapkit data download`',
    usage: downloadUsage('gapkit download'),
    run: (args) => runDownload(args, streams, 'gapkit download'),
  };
}

/** The `download` command on the process's stdout / stderr. */
export const command: Command = createDownloadCommand({ stdout: process.stdout, stderr: process.stderr });
