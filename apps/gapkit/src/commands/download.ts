/**
 * `gapkit download <name>…`: fetches an official data set archive, verifies the checksum its publisher
 * (or a widely used loader) lists, extracts it into `<dir>/<name>`, and refuses — deleting the temporary
 * file — when the checksum does not match. The logic lives in `@gapkit/data/node`; this file is the CLI.
 */
import { DATASET_SOURCES, DEFAULT_DATA_DIR, type DatasetSource, downloadDataset, type ProgressStream } from '@gapkit/data/node';
import { parseArgs } from '../args.js';
import { type Command, UsageError } from '../command.js';

const NAMES = Object.keys(DATASET_SOURCES);

const SPECS = {
  dir: { kind: 'string', default: DEFAULT_DATA_DIR },
  force: { kind: 'flag' },
  mirror: { kind: 'string' },
  list: { kind: 'flag' },
} as const;

const usage = `usage: gapkit download <name>... [options]

Downloads official data set archives, checks each against its published checksum, and extracts them into
<dir>/<name>. A checksum mismatch deletes the download and exits with status 1; nothing partial is left.
An existing complete <dir>/<name> is kept unless --force.

names:
${NAMES.map((n) => `  ${n.padEnd(16)}${DATASET_SOURCES[n].title}`).join('\n')}

options:
  --dir DIR       data root (default ${DEFAULT_DATA_DIR}); loaders read <dir>/<name>
  --force         replace an existing <dir>/<name>
  --mirror URL    fetch <URL>/<file name> instead of the official URL (same checksums)
  --list          print the URLs, checksums and their sources, and exit

example: gapkit download cifar10 movielens-100k --dir data`;

function listing(): string {
  return NAMES.map((n) => {
    const s: DatasetSource = DATASET_SOURCES[n];
    const files = s.files.map((f) => `    ${f.url}\n      ${f.checksum.algorithm} ${f.checksum.value}  (${f.checksumSource})`);
    return [`${n}: ${s.title} — ${s.homepage}`, ...files, `    terms: ${s.terms}`].join('\n');
  }).join('\n\n');
}

/** Where the command writes: results to `stdout`, progress bars and errors to `stderr`. */
export interface DownloadStreams {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: ProgressStream;
}

/** Builds the command on the given streams (tests pass captured ones). */
export function createDownloadCommand(streams: DownloadStreams): Command {
  return {
    name: 'download',
    summary: 'download and verify an official dataset archive (CIFAR, MNIST, MovieLens)',
    usage,
    async run(args: readonly string[]): Promise<number> {
      const { options, positionals } = parseArgs(args, SPECS);
      if (options.list) {
        streams.stdout.write(`${listing()}\n`);
        return 0;
      }
      if (positionals.length === 0) throw new UsageError(`name a data set to download (one of: ${NAMES.join(', ')})`);
      for (const name of positionals) {
        if (!DATASET_SOURCES[name]) throw new UsageError(`unknown data set '${name}' (expected one of: ${NAMES.join(', ')})`);
      }
      for (const name of positionals) {
        const source = DATASET_SOURCES[name];
        streams.stderr.write(`${source.title}: ${source.terms}\n`);
        try {
          const result = await downloadDataset(source, {
            dir: options.dir ?? DEFAULT_DATA_DIR,
            force: options.force,
            mirror: options.mirror,
            progress: streams.stderr,
          });
          const what = result.status === 'present' ? 'already present' : `downloaded and verified (${result.files.length} files)`;
          streams.stdout.write(`${name}: ${what} in ${result.path}\n`);
        } catch (e) {
          // Checksum, network, archive and file-system errors all end this download with status 1.
          if (!(e instanceof Error)) throw e;
          streams.stderr.write(`gapkit download ${name}: ${e.message}\n`);
          return 1;
        }
      }
      return 0;
    },
  };
}

/** The `download` command on the process's stdout / stderr. */
export const command: Command = createDownloadCommand({ stdout: process.stdout, stderr: process.stderr });
